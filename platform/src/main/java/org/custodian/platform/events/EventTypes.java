package org.custodian.platform.events;

import java.util.List;
import java.util.Map;
import org.custodian.tokens.Revocation;

/** Every event type of DESIGN.md §4, with the {@code uk.custodian.} prefix, grouped by the topic that carries it. */
public final class EventTypes {
    public static final String PREFIX = "uk.custodian.";

    // custodian.roster.v1, produced by consent-service
    public static final String SCHOOL_UPDATED = PREFIX + "school.updated";
    public static final String PUPIL_ENROLLED = PREFIX + "pupil.enrolled";
    public static final String PUPIL_UPDATED = PREFIX + "pupil.updated";
    public static final String PUPIL_LEFT = PREFIX + "pupil.left";
    public static final String GUARDIAN_LINKED = PREFIX + "guardian.linked";
    public static final String GUARDIAN_UNLINKED = PREFIX + "guardian.unlinked";

    // custodian.consent.v1, produced by consent-service
    public static final String CONSENT_GRANTED = PREFIX + "consent.granted";
    public static final String CONSENT_REFUSED = PREFIX + "consent.refused";
    public static final String CONSENT_WITHDRAWN = PREFIX + "consent.withdrawn";
    public static final String CONSENT_EXPIRED = PREFIX + "consent.expired";
    /** A purpose was defined: by the school, or among the defaults every new school starts with. */
    public static final String PURPOSE_CREATED = PREFIX + "purpose.created";

    public static final String PURPOSE_REWORDED = PREFIX + "purpose.reworded";
    /** An objection or withdrawal stopped biometric processing: the template must be deleted where it is held. */
    public static final String BIOMETRIC_TEMPLATE_DELETION_REQUESTED = PREFIX + "biometric.template-deletion-requested";

    // custodian.rights.v1, produced by sar-service
    public static final String REQUEST_RECEIVED = PREFIX + "request.received";
    public static final String REQUEST_COMPLETED = PREFIX + "request.completed";
    public static final String ERASURE_APPROVED = PREFIX + "erasure.approved";
    public static final String RECTIFICATION_APPROVED = PREFIX + "rectification.approved";
    public static final String PROCESSING_RESTRICTED = PREFIX + "processing.restricted";
    public static final String PROCESSING_UNRESTRICTED = PREFIX + "processing.unrestricted";
    public static final String OBJECTION_UPHELD = PREFIX + "objection.upheld";
    public static final String COMPLAINT_RECEIVED = PREFIX + "complaint.received";
    public static final String REQUEST_DUE_SOON = PREFIX + "request.due-soon";
    public static final String REQUEST_OVERDUE = PREFIX + "request.overdue";

    // custodian.sharing.v1, produced by sharing-service
    public static final String DISCLOSURE_MADE = PREFIX + "disclosure.made";
    public static final String DISCLOSURE_REFUSED = PREFIX + "disclosure.refused";
    public static final String WEBHOOK_DEAD = PREFIX + "webhook.dead";
    public static final String PARTNER_ACTION_OVERDUE = PREFIX + "partner-action.overdue";
    /** An emergency (vital interests) disclosure overrode a refusal: the DPO is alerted and must review it. */
    public static final String OVERRIDE_MADE = PREFIX + "disclosure.override-made";
    /** The DPO recorded the review of an override: justified or not. */
    public static final String OVERRIDE_REVIEWED = PREFIX + "disclosure.override-reviewed";
    /** An override was still unreviewed after its review's last day. */
    public static final String OVERRIDE_REVIEW_OVERDUE = PREFIX + "disclosure.override-review-overdue";
    /** A recipient was added: by the school, or among the statutory ones every new school starts with. */
    public static final String RECIPIENT_CREATED = PREFIX + "recipient.created";
    /** A recipient's details or status changed. */
    public static final String RECIPIENT_UPDATED = PREFIX + "recipient.updated";
    /** A sharing agreement was made: by the school, or among the statutory ones every new school starts with. */
    public static final String AGREEMENT_CREATED = PREFIX + "agreement.created";
    /** A sharing agreement's terms changed. */
    public static final String AGREEMENT_UPDATED = PREFIX + "agreement.updated";
    /** A sharing agreement was ended: its last day was set to today or earlier. */
    public static final String AGREEMENT_ENDED = PREFIX + "agreement.ended";

    // custodian.retention.v1, produced by retention-service
    public static final String DISPOSAL_PROPOSED = PREFIX + "disposal.proposed";
    public static final String DISPOSAL_APPROVED = PREFIX + "disposal.approved";
    public static final String RECORD_DISPOSED = PREFIX + "record.disposed";
    public static final String LEGAL_HOLD_PLACED = PREFIX + "legal-hold.placed";
    public static final String LEGAL_HOLD_RELEASED = PREFIX + "legal-hold.released";
    /** A school changed its retention schedule: overrode an IRMS row, or changed or added a class of its own. */
    public static final String RETENTION_RULE_CHANGED = PREFIX + "retention-rule.changed";
    /** The systems that hold a school's records changed: which system holds records of which class. */
    public static final String HOLDING_SYSTEMS_CHANGED = PREFIX + "holding-systems.changed";

    // custodian.accountability.v1, produced by accountability-service
    /** The DPO published a new version of the school's privacy notice. */
    public static final String NOTICE_PUBLISHED = PREFIX + "notice.published";
    /** A fact changed so that the published privacy notice no longer describes what the school does. */
    public static final String NOTICE_OUTDATED = PREFIX + "notice.outdated";

    // custodian.revocations.v1, produced by consent-service (data: org.custodian.tokens.Revocation)
    public static final String TOKEN_REVOKED = Revocation.EVENT_TYPE;

    /** Which types each topic may carry. */
    public static final Map<String, List<String>> BY_TOPIC = Map.of(
            Topics.ROSTER,
                    List.of(
                            SCHOOL_UPDATED,
                            PUPIL_ENROLLED,
                            PUPIL_UPDATED,
                            PUPIL_LEFT,
                            GUARDIAN_LINKED,
                            GUARDIAN_UNLINKED),
            Topics.CONSENT,
                    List.of(
                            CONSENT_GRANTED,
                            CONSENT_REFUSED,
                            CONSENT_WITHDRAWN,
                            CONSENT_EXPIRED,
                            PURPOSE_CREATED,
                            PURPOSE_REWORDED,
                            BIOMETRIC_TEMPLATE_DELETION_REQUESTED),
            Topics.RIGHTS,
                    List.of(
                            REQUEST_RECEIVED,
                            REQUEST_COMPLETED,
                            ERASURE_APPROVED,
                            RECTIFICATION_APPROVED,
                            PROCESSING_RESTRICTED,
                            PROCESSING_UNRESTRICTED,
                            OBJECTION_UPHELD,
                            COMPLAINT_RECEIVED,
                            REQUEST_DUE_SOON,
                            REQUEST_OVERDUE),
            Topics.SHARING,
                    List.of(
                            DISCLOSURE_MADE,
                            DISCLOSURE_REFUSED,
                            WEBHOOK_DEAD,
                            PARTNER_ACTION_OVERDUE,
                            OVERRIDE_MADE,
                            OVERRIDE_REVIEWED,
                            OVERRIDE_REVIEW_OVERDUE,
                            RECIPIENT_CREATED,
                            RECIPIENT_UPDATED,
                            AGREEMENT_CREATED,
                            AGREEMENT_UPDATED,
                            AGREEMENT_ENDED),
            Topics.RETENTION,
                    List.of(
                            DISPOSAL_PROPOSED,
                            DISPOSAL_APPROVED,
                            RECORD_DISPOSED,
                            LEGAL_HOLD_PLACED,
                            LEGAL_HOLD_RELEASED,
                            RETENTION_RULE_CHANGED,
                            HOLDING_SYSTEMS_CHANGED),
            Topics.ACCOUNTABILITY, List.of(NOTICE_PUBLISHED, NOTICE_OUTDATED),
            Topics.REVOCATIONS, List.of(TOKEN_REVOKED));

    /** The topic that carries a type, or an exception for a type no topic carries. */
    public static String topicOf(String type) {
        return BY_TOPIC.entrySet().stream()
                .filter(e -> e.getValue().contains(type))
                .map(Map.Entry::getKey)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no topic carries event type " + type));
    }

    private EventTypes() {}
}
