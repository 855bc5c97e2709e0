package org.custodian.platform.audit;

import java.util.Locale;
import java.util.Map;
import org.custodian.platform.audit.AuditEntry.Outcome;

/**
 * The one vocabulary of what was done, for every service's audit log: each action code the services write (an
 * inventory of them all, issue 17) as a past-tense verb phrase, and a sentence in words for each entry ("Withdrew
 * consent for pupil P1: …"). Codes stay as they were written (the chain's hashes cover them, and the {@code action}
 * filter takes them); the words are derived when the log is read. A refused attempt ({@link RefusalAudit}) is stored
 * with its operation ({@code POST /api/v1/schools/{urn}/pupils/{pupilId}/consents}) as its action.
 */
public final class AuditActions {

    /** Every action code written today, by service, → what was done, in words. */
    private static final Map<String, String> PHRASES = Map.ofEntries(
            // consent-service
            Map.entry("consent.granted", "gave consent"),
            Map.entry("consent.refused", "refused consent"),
            Map.entry("consent.withdrawn", "withdrew consent"),
            Map.entry("consent.history.read", "read the consent history"),
            Map.entry("biometric.notice", "recorded the biometric notice"),
            Map.entry("biometric.alternative", "recorded the alternative to biometrics"),
            Map.entry("biometric.read", "read the biometric record"),
            Map.entry("competence.assessed", "assessed the pupil's competence"),
            Map.entry("pupil.upserted", "recorded the pupil"),
            Map.entry("guardian.upserted", "recorded the guardian"),
            Map.entry("purpose.created", "created a purpose"),
            Map.entry("purpose.reworded", "reworded a purpose"),
            Map.entry("roster.synced", "synced the roster"),
            Map.entry("school.updated", "updated the school's profile"),
            Map.entry("token.revoked", "revoked a token"),
            Map.entry("subject.exported", "exported everything held about the subject"),
            // sar-service
            Map.entry("request.created", "received a rights request"),
            Map.entry("request.request_identity", "asked for proof of identity"),
            Map.entry("request.confirm_identity", "confirmed the requester's identity"),
            Map.entry("request.waive_identity", "waived the identity check"),
            Map.entry("request.request_clarification", "asked the requester to clarify"),
            Map.entry("request.receive_clarification", "received the requester's clarification"),
            Map.entry("request.request_fee", "asked for a fee"),
            Map.entry("request.receive_fee", "received the fee"),
            Map.entry("request.extend", "extended the deadline"),
            Map.entry("request.acknowledge", "acknowledged the rights request"),
            Map.entry("request.complete", "completed the rights request"),
            Map.entry("request.decide_approved", "approved the rights request"),
            Map.entry("request.decide_refused", "decided to refuse the rights request"),
            Map.entry("request.refuse", "refused the rights request"),
            Map.entry("request.withdraw", "withdrew the rights request"),
            Map.entry("request.lift_restriction", "lifted the restriction"),
            Map.entry("bundle.assembled", "assembled the response bundle"),
            Map.entry("bundle.read", "read the response bundle"),
            Map.entry("bundle.downloaded", "downloaded the response bundle"),
            Map.entry("bundle.waiver", "waived part of the response bundle"),
            Map.entry("bundle.review.decided", "decided a review of the response bundle"),
            Map.entry("document.uploaded", "uploaded a document"),
            Map.entry("document.downloaded", "downloaded a document"),
            Map.entry("calendar.updated", "updated the school calendar"),
            Map.entry("calendar.imported", "imported the school calendar"),
            // sharing-service
            Map.entry("agreement.created", "made a sharing agreement"),
            Map.entry("agreement.updated", "changed a sharing agreement"),
            Map.entry("defaults.seeded", "set up the school's sharing defaults"),
            Map.entry("recipient.created", "added a recipient"),
            Map.entry("recipient.updated", "changed a recipient"),
            Map.entry("sharing.checked", "checked whether data may be shared"),
            Map.entry("disclosure.decided", "decided a disclosure"),
            Map.entry("disclosure.override", "disclosed despite a refusal"),
            Map.entry("disclosure.override-refused", "was refused an override"),
            Map.entry("disclosure.override-reviewed", "reviewed an override"),
            Map.entry("disclosure.override-review-overdue", "found an override review overdue"),
            Map.entry("disclosures.read", "read the disclosures"),
            Map.entry("due-transfer.listed", "listed the transfers due"),
            Map.entry("due-transfer.sent", "sent the pupil's file"),
            Map.entry("due-transfer.receipt-confirmed", "confirmed the file was received"),
            Map.entry("due-transfer.not-held", "recorded that the file is not held"),
            Map.entry("partner-actions.opened", "asked partners to act"),
            Map.entry("partner-action.acknowledged", "acknowledged a partner action"),
            Map.entry("partner-action.completed", "completed a partner action"),
            Map.entry("partner-action.disputed", "disputed a partner action"),
            Map.entry("partner-action.closed", "closed a partner action"),
            Map.entry("partner-action.reminded", "reminded a partner to act"),
            Map.entry("partner-action.overdue", "found a partner action overdue"),
            Map.entry("webhook-endpoint.created", "registered a webhook endpoint"),
            Map.entry("webhook-endpoint.updated", "changed a webhook endpoint"),
            Map.entry("webhook-endpoint.secret-rotated", "rotated a webhook secret"),
            Map.entry("webhook-endpoint.tested", "tested a webhook endpoint"),
            Map.entry("webhook-endpoint.disabled", "disabled a webhook endpoint"),
            Map.entry("webhook-delivery.replayed", "replayed a webhook delivery"),
            // retention-service
            Map.entry("holdings.registered", "registered records held"),
            Map.entry("record.disposed", "disposed of a record"),
            Map.entry("disposal.proposed", "proposed a disposal batch"),
            Map.entry("disposal.approved", "approved a disposal batch"),
            Map.entry("erasure.applied", "applied an erasure"),
            Map.entry("legal-hold.placed", "placed a legal hold"),
            Map.entry("legal-hold.released", "released a legal hold"),
            Map.entry("legal-hold.ended", "ended a legal hold"),
            Map.entry("retention-schedule.changed", "changed the retention schedule"),
            Map.entry("retention-schedule.class-added", "added a class to the retention schedule"),
            Map.entry("schedule.default-revised", "revised the default retention schedule"),
            // accountability-service
            Map.entry("notice.draft-edited", "edited the privacy notice's draft"),
            Map.entry("notice.published", "published the privacy notice"),
            Map.entry("ropa.reviewed", "reviewed the record of processing"),
            // the kernel
            Map.entry(RefusalAudit.CAPPED, "was refused more often than the log records in a minute"));

    /** The longest detail a sentence repeats. */
    private static final int DETAIL_IN_WORDS = 300;

    private AuditActions() {}

    /** Whether {@code code} is in the vocabulary (a test checks every service writes only these, or refusals). */
    public static boolean isKnown(String code) {
        return PHRASES.containsKey(code);
    }

    /** What was done, as a past-tense verb phrase ("withdrew consent"); a refusal: "was refused <operation>". */
    public static String phrase(String action, Outcome outcome) {
        if (outcome == Outcome.REFUSED) {
            return PHRASES.getOrDefault(action, "was refused " + action);
        }
        String phrase = PHRASES.get(action);
        if (phrase == null) {
            // a code not in the inventory yet still reads as words: "probe.touch" → "probe touch"
            phrase = action == null
                    ? "did something"
                    : action.replaceAll("[._-]+", " ").toLowerCase(Locale.ROOT);
        }
        if (outcome == Outcome.DENIED) {
            return "was refused: " + phrase;
        }
        if (outcome == Outcome.FAILED) {
            return "failed: " + phrase;
        }
        return phrase;
    }

    /** The entry as one sentence: "Withdrew consent for pupil P1: PHOTOS v1 by guardian G1 (ONLINE); now WITHDRAWN". */
    public static String sentence(AuditEntry entry) {
        AuditSubjects.Subject subject = AuditSubjects.of(entry.subject());
        String phrase = phrase(entry.action(), entry.outcome());
        StringBuilder words = new StringBuilder(Character.toUpperCase(phrase.charAt(0)) + phrase.substring(1));
        words.append(subject.id() == null && AuditSubjects.SCHOOL.equals(subject.type()) ? " for " : " about ")
                .append(subject.inWords());
        if (entry.detail() != null && !entry.detail().isBlank()) {
            String detail = entry.detail();
            words.append(": ")
                    .append(detail.length() > DETAIL_IN_WORDS ? detail.substring(0, DETAIL_IN_WORDS) + "…" : detail);
        }
        return words.toString();
    }
}
