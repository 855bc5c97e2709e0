package org.custodian.consent.export;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.custodian.consent.decision.BiometricQueries;
import org.custodian.consent.decision.BiometricRules.NoticeOutcome;
import org.custodian.consent.decision.BiometricView;
import org.custodian.consent.decision.ConsentReceipt;
import org.custodian.consent.decision.Giver;
import org.custodian.consent.decision.PurposeStatus;
import org.custodian.consent.decision.StoredDecision;
import org.custodian.consent.roster.GuardianOfPupil;
import org.custodian.consent.roster.PupilView;
import org.custodian.consent.roster.Relationship;
import org.custodian.platform.export.SubjectExport;

/**
 * What consent-service's subject export shows of the people around the child (UK GDPR Art. 15(4), DPA 2018 Sch. 2
 * para 16). For a rights request, where the requester is named, the requester's own contact data and, for everyone
 * else, only their relationship to the child ("father", "step-parent without parental responsibility"): no id, name or
 * email address of another person in the guardians, the decisions, the receipts or the explanations. For the school's
 * own use (the DPO, no requester) the guardians with their contact data. Either way, a person whose link is restricted
 * (a court order or a contact restriction) is left out entirely, their decisions too, and is never counted. Plain Java.
 */
public final class ExportRules {

    private static final String ID_CHARACTER = "[A-Za-z0-9_-]";

    /** Who asked, with their contact data from the roster (a guardian's; null when the roster does not know them). */
    public record Asker(SubjectExport.Requester.Type type, String id, String name, String email) {}

    /** The export's {@code data}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ConsentData(
            PupilView pupil,
            RequesterRecord requester,
            List<Person> guardians,
            List<PurposeStatus> consents,
            List<StoredDecision> decisions,
            List<ConsentReceipt> receipts,
            Biometrics biometrics) {}

    /**
     * The biometric records about the child (Protection of Freedoms Act 2012, ss.26–28): the notices to parents, the
     * alternatives offered and the template deletions raised.
     */
    public record Biometrics(
            List<BiometricNotice> notices,
            List<BiometricQueries.Alternative> alternatives,
            List<BiometricQueries.TemplateDeletion> templateDeletions) {}

    /**
     * A parent's written notification (or the s.27(1) exception recorded for them): {@code guardian} describes the
     * person by relationship; {@code guardianId} is left out for a requester other than that person.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BiometricNotice(
            String noticeId,
            String purpose,
            String guardianId,
            String guardian,
            NoticeOutcome outcome,
            LocalDate date,
            String evidenceRef,
            Instant recordedAt,
            String recordedBy) {}

    /** The requester's own record: for a guardian their contact data and link, for the pupil their id. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record RequesterRecord(
            SubjectExport.Requester.Type type,
            String guardianId,
            String pupilId,
            String name,
            String email,
            Relationship relationship,
            Boolean parentalResponsibility) {}

    /**
     * Someone linked to the child. For a requester, other people carry only {@code relationship},
     * {@code parentalResponsibility} and {@code description}; the requester's own entry says {@code you}.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Person(
            String guardianId,
            String name,
            String email,
            Relationship relationship,
            boolean parentalResponsibility,
            String description,
            Boolean you) {}

    private ExportRules() {}

    /**
     * @param linked    the guardians linked to the child now (restricted ones included: they are taken out here)
     * @param decisions every decision about the child, oldest first
     * @param receipts  a receipt per decision ({@code receiptId} = {@code decisionId})
     * @param biometric the child's biometric records
     * @param asker     the requester of the rights request, or null for the school's own view
     */
    public static ConsentData export(
            PupilView pupil,
            List<GuardianOfPupil> linked,
            List<PurposeStatus> statuses,
            List<StoredDecision> decisions,
            List<ConsentReceipt> receipts,
            BiometricView biometric,
            Asker asker) {
        String askerGuardian =
                asker != null && asker.type() == SubjectExport.Requester.Type.GUARDIAN ? asker.id() : null;
        Set<String> restricted = new HashSet<>();
        linked.stream()
                .filter(g -> g.restricted() && !g.guardianId().equals(askerGuardian))
                .forEach(g -> restricted.add(g.guardianId()));

        Set<String> dropped = new HashSet<>();
        List<StoredDecision> kept = new ArrayList<>();
        for (StoredDecision d : decisions) {
            boolean fromRestricted = d.giver().type() == Giver.Type.GUARDIAN
                            && restricted.contains(d.giver().id())
                    || restricted.contains(d.recordedBy());
            if (fromRestricted) {
                dropped.add(d.decisionId());
            } else {
                kept.add(d);
            }
        }
        Map<String, String> descriptions = describe(linked, restricted, kept, askerGuardian);
        List<PurposeStatus> consents = statuses.stream()
                .map(s -> explained(s, dropped, restricted, asker == null ? Map.of() : descriptions))
                .toList();
        List<ConsentReceipt> keptReceipts =
                receipts.stream().filter(r -> !dropped.contains(r.receiptId())).toList();

        List<Person> people = new ArrayList<>();
        for (GuardianOfPupil g : linked) {
            if (restricted.contains(g.guardianId())) {
                continue;
            }
            String description = descriptions.get(g.guardianId());
            if (asker == null) {
                people.add(new Person(
                        g.guardianId(),
                        g.name(),
                        g.email(),
                        g.relationship(),
                        g.parentalResponsibility(),
                        description,
                        null));
            } else if (g.guardianId().equals(askerGuardian)) {
                people.add(new Person(
                        g.guardianId(), null, null, g.relationship(), g.parentalResponsibility(), description, true));
            } else {
                people.add(
                        new Person(null, null, null, g.relationship(), g.parentalResponsibility(), description, null));
            }
        }
        if (asker == null) {
            return new ConsentData(
                    pupil,
                    null,
                    people,
                    consents,
                    kept,
                    keptReceipts,
                    biometrics(biometric, restricted, dropped, descriptions, null, Set.of(), null));
        }
        Set<String> others = new HashSet<>(descriptions.keySet());
        others.remove(askerGuardian);
        String pupilId = pupil.pupilId();
        return new ConsentData(
                pupil,
                requesterRecord(asker, linked),
                people,
                consents,
                kept.stream()
                        .map(d -> withoutOthers(d, others, askerGuardian, pupilId))
                        .toList(),
                keptReceipts.stream()
                        .map(r -> withoutOthers(r, others, askerGuardian, pupilId))
                        .toList(),
                biometrics(biometric, restricted, dropped, descriptions, asker, others, pupilId));
    }

    /**
     * The biometric records as the export shows them. Every alternative offered; the template deletions but those
     * raised by a dropped (restricted person's) decision; the notices but a restricted person's, and for a guardian's
     * request only the notices sent to them, for the pupil's the notices by relationship, without ids.
     */
    static Biometrics biometrics(
            BiometricView records,
            Set<String> restricted,
            Set<String> droppedDecisions,
            Map<String, String> descriptions,
            Asker asker,
            Set<String> others,
            String pupilId) {
        String askerGuardian =
                asker != null && asker.type() == SubjectExport.Requester.Type.GUARDIAN ? asker.id() : null;
        List<BiometricNotice> notices = records.notices().stream()
                .filter(n -> !restricted.contains(n.guardianId()))
                .filter(n -> askerGuardian == null || askerGuardian.equals(n.guardianId()))
                .map(n -> new BiometricNotice(
                        n.noticeId(),
                        n.purpose(),
                        asker == null || n.guardianId().equals(askerGuardian) ? n.guardianId() : null,
                        descriptions.getOrDefault(n.guardianId(), "a guardian no longer linked to the child"),
                        n.outcome(),
                        n.date(),
                        n.evidenceRef(),
                        n.recordedAt(),
                        asker == null ? n.recordedBy() : actor(n.recordedBy(), null, others, askerGuardian, pupilId)))
                .toList();
        return new Biometrics(
                notices,
                records.alternatives(),
                records.templateDeletions().stream()
                        .filter(t -> !droppedDecisions.contains(t.decisionId()))
                        .toList());
    }

    private static RequesterRecord requesterRecord(Asker asker, List<GuardianOfPupil> linked) {
        if (asker.type() == SubjectExport.Requester.Type.PUPIL) {
            return new RequesterRecord(asker.type(), null, asker.id(), null, null, null, null);
        }
        GuardianOfPupil link = linked.stream()
                .filter(g -> g.guardianId().equals(asker.id()))
                .findFirst()
                .orElse(null);
        return new RequesterRecord(
                asker.type(),
                asker.id(),
                null,
                asker.name(),
                asker.email(),
                link == null ? null : link.relationship(),
                link == null ? null : link.parentalResponsibility());
    }

    /**
     * How each person other than the restricted is described: their relationship in words, numbered when two share
     * one; people who gave or recorded a decision but are no longer linked, from the relationship stored with it.
     */
    static Map<String, String> describe(
            List<GuardianOfPupil> linked,
            Set<String> restricted,
            List<StoredDecision> decisions,
            String askerGuardian) {
        Map<String, String> words = new LinkedHashMap<>();
        for (GuardianOfPupil g : linked) {
            if (!restricted.contains(g.guardianId())) {
                words.put(g.guardianId(), words(g.relationship(), g.parentalResponsibility()));
            }
        }
        for (StoredDecision d : decisions) {
            if (d.giver().type() == Giver.Type.GUARDIAN
                    && d.giver().id() != null
                    && !words.containsKey(d.giver().id())) {
                words.put(d.giver().id(), relationshipWords(d.relationship()) + " (no longer linked to the child)");
            }
            if ("parent".equals(d.recordedByRole()) && d.recordedBy() != null && !words.containsKey(d.recordedBy())) {
                words.put(d.recordedBy(), "a parent no longer linked to the child");
            }
        }
        Map<String, String> described = new LinkedHashMap<>();
        Map<String, Integer> seen = new HashMap<>();
        words.forEach((id, w) -> {
            if (id.equals(askerGuardian)) {
                described.put(id, "you (" + w + ")");
            } else {
                int n = seen.merge(w, 1, Integer::sum);
                described.put(id, n == 1 ? w : w + " (" + n + ")");
            }
        });
        return described;
    }

    static String words(Relationship relationship, boolean parentalResponsibility) {
        return relationshipWords(relationship == null ? null : relationship.name())
                + (parentalResponsibility ? "" : " without parental responsibility");
    }

    private static String relationshipWords(String relationship) {
        if (relationship == null) {
            return "guardian";
        }
        return switch (relationship) {
            case "MOTHER" -> "mother";
            case "FATHER" -> "father";
            case "PARENT" -> "parent";
            case "STEP_PARENT" -> "step-parent";
            case "CARER" -> "carer";
            case "GRANDPARENT" -> "grandparent";
            case "FOSTER_CARER" -> "foster carer";
            case "SOCIAL_WORKER" -> "social worker";
            case "OTHER" -> "other contact";
            case "LOCAL_AUTHORITY" -> "local authority";
            case "VOLUNTARY_ORGANISATION" -> "voluntary organisation";
            default -> "guardian";
        };
    }

    /** A status's explanation without restricted people and (for a requester) with other people named by relationship. */
    private static PurposeStatus explained(
            PurposeStatus s, Set<String> droppedDecisions, Set<String> restricted, Map<String, String> others) {
        List<String> lines = new ArrayList<>();
        for (String line : s.explanation()) {
            if (restricted.stream().noneMatch(id -> mentions(line, id))) {
                lines.add(others.isEmpty() ? line : renamed(line, others));
            }
        }
        List<String> counting = s.countingDecisions().stream()
                .filter(id -> !droppedDecisions.contains(id))
                .toList();
        return new PurposeStatus(
                s.purpose(),
                s.title(),
                s.kind(),
                s.status(),
                s.permitted(),
                s.effectiveVersion(),
                s.currentVersion(),
                s.validUntil(),
                counting,
                lines,
                s.refreshWithPupil());
    }

    static boolean mentions(String text, String id) {
        return text != null && boundary(id).matcher(text).find();
    }

    /** "guardian G-DAD does not hold…" → "the father does not hold…"; the requester keeps their own id. */
    static String renamed(String text, Map<String, String> descriptions) {
        String out = text;
        for (Map.Entry<String, String> e : descriptions.entrySet()) {
            if (e.getValue().startsWith("you (")) {
                continue;
            }
            String the = Matcher.quoteReplacement("the " + e.getValue());
            out = Pattern.compile("guardian " + boundary(e.getKey()).pattern())
                    .matcher(out)
                    .replaceAll(the);
            out = boundary(e.getKey()).matcher(out).replaceAll(the);
        }
        return out;
    }

    private static Pattern boundary(String id) {
        return Pattern.compile("(?<!" + ID_CHARACTER + ")" + Pattern.quote(id) + "(?!" + ID_CHARACTER + ")");
    }

    private static StoredDecision withoutOthers(
            StoredDecision d, Set<String> others, String askerGuardian, String pupilId) {
        Giver giver = d.giver().type() == Giver.Type.GUARDIAN
                        && !Objects.equals(d.giver().id(), askerGuardian)
                ? new Giver(Giver.Type.GUARDIAN, null)
                : d.giver();
        return new StoredDecision(
                d.decisionId(),
                d.pupilId(),
                d.purpose(),
                d.purposeVersion(),
                d.decision(),
                giver,
                d.relationship(),
                d.method(),
                d.evidenceRef(),
                d.evidenceDate(),
                d.validUntil(),
                d.recordedAt(),
                actor(d.recordedBy(), d.recordedByRole(), others, askerGuardian, pupilId),
                d.recordedByRole());
    }

    private static ConsentReceipt withoutOthers(
            ConsentReceipt r, Set<String> others, String askerGuardian, String pupilId) {
        ConsentReceipt.GivenBy givenBy = r.givenBy().type() == Giver.Type.GUARDIAN
                        && !Objects.equals(r.givenBy().id(), askerGuardian)
                ? new ConsentReceipt.GivenBy(
                        Giver.Type.GUARDIAN, null, r.givenBy().relationship())
                : r.givenBy();
        ConsentReceipt.RecordedBy recordedBy = r.recordedBy() == null
                ? null
                : new ConsentReceipt.RecordedBy(
                        actor(r.recordedBy().actor(), r.recordedBy().role(), others, askerGuardian, pupilId),
                        r.recordedBy().role());
        return new ConsentReceipt(
                r.receiptId(),
                r.receiptVersion(),
                r.issuedAt(),
                r.controller(),
                r.subject(),
                givenBy,
                r.purpose(),
                r.dataCategories(),
                r.method(),
                r.evidenceRef(),
                r.evidenceDate(),
                r.event(),
                r.eventTime(),
                r.validUntil(),
                r.effectiveStatus(),
                r.howToWithdraw(),
                recordedBy);
    }

    /**
     * Who recorded a decision, as a requester sees it: themselves, the pupil, and the school's staff or systems by id
     * (sar-service puts staff ids to the DPO before they leave); another parent not at all.
     */
    private static String actor(String actor, String role, Set<String> others, String askerGuardian, String pupilId) {
        if (actor == null || actor.equals(askerGuardian) || actor.equals(pupilId)) {
            return actor;
        }
        return others.contains(actor) || "parent".equals(role) ? null : actor;
    }
}
