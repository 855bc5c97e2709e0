package org.custodian.consent.export;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custodian.consent.decision.BiometricQueries;
import org.custodian.consent.decision.BiometricRules.NoticeOutcome;
import org.custodian.consent.decision.BiometricView;
import org.custodian.consent.decision.ConsentReceipt;
import org.custodian.consent.decision.ConsentResolver;
import org.custodian.consent.decision.ConsentStatus;
import org.custodian.consent.decision.Decision;
import org.custodian.consent.decision.Giver;
import org.custodian.consent.decision.Method;
import org.custodian.consent.decision.PurposeStatus;
import org.custodian.consent.decision.RecordedDecision;
import org.custodian.consent.decision.StoredDecision;
import org.custodian.consent.purpose.PurposeKind;
import org.custodian.consent.roster.GuardianOfPupil;
import org.custodian.consent.roster.PupilView;
import org.custodian.consent.roster.Relationship;
import org.custodian.consent.school.ConflictPolicy;
import org.custodian.platform.events.CloudEventCodec;
import org.custodian.platform.export.SubjectExport.Requester.Type;
import org.junit.jupiter.api.Test;

/** Worked examples and properties of what an export shows of the people around the child. */
class ExportRulesTest {

    private static final BiometricView NO_BIOMETRICS = new BiometricView("AVA", List.of(), List.of(), List.of());

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
    private static final PupilView AVA = new PupilView(
            "AVA",
            "Ava",
            "Lovelace",
            LocalDate.of(2018, 3, 14),
            3,
            LocalDate.of(2022, 9, 1),
            null,
            "A123456789012",
            null,
            true);

    record Person(
            String id,
            String name,
            String email,
            Relationship relationship,
            boolean responsibility,
            boolean restricted) {
        GuardianOfPupil link() {
            return new GuardianOfPupil(id, name, email, responsibility, relationship, restricted);
        }
    }

    /** One family and what was decided: who gave each decision ({@code -1} the pupil) and who recorded it. */
    record Family(
            List<Person> people,
            List<Integer> givers,
            List<Decision> decisions,
            List<Boolean> staffRecorded,
            int asker) {}

    @Provide
    Arbitrary<Family> families() {
        Arbitrary<Person> person = Combinators.combine(
                        Arbitraries.strings().withCharRange('a', 'z').ofLength(8),
                        Arbitraries.of(Relationship.class),
                        Arbitraries.of(true, false),
                        Arbitraries.of(false, false, true))
                .as((word, relationship, responsibility, restricted) -> new Person(
                        null, "Name " + word, word + "@mail.test", relationship, responsibility, restricted));
        return person.list().ofMinSize(1).ofMaxSize(5).flatMap(people -> {
            List<Person> numbered = new ArrayList<>();
            for (int i = 0; i < people.size(); i++) {
                Person p = people.get(i);
                numbered.add(new Person(
                        "G-" + i + "x",
                        p.name() + i,
                        i + p.email(),
                        p.relationship(),
                        p.responsibility(),
                        p.restricted()));
            }
            Arbitrary<Integer> giver = Arbitraries.integers().between(-1, numbered.size() - 1);
            return Combinators.combine(
                            giver.list().ofMaxSize(8),
                            Arbitraries.of(Decision.class).list().ofSize(8),
                            Arbitraries.of(true, false).list().ofSize(8),
                            Arbitraries.integers().between(-1, numbered.size() - 1))
                    .as((givers, decisions, staff, asker) -> new Family(numbered, givers, decisions, staff, asker));
        });
    }

    private static ExportRules.ConsentData export(Family f) {
        List<StoredDecision> decisions = new ArrayList<>();
        List<RecordedDecision> recorded = new ArrayList<>();
        for (int i = 0; i < f.givers().size(); i++) {
            int g = f.givers().get(i);
            Giver giver = g < 0
                    ? Giver.pupil("AVA")
                    : Giver.guardian(f.people().get(g).id());
            boolean staff = f.staffRecorded().get(i);
            Instant at = Instant.parse("2026-09-01T08:00:00Z").plusSeconds(i * 60L);
            decisions.add(new StoredDecision(
                    "d" + i,
                    "AVA",
                    "PHOTO_WEBSITE",
                    1,
                    f.decisions().get(i),
                    giver,
                    g < 0 ? null : f.people().get(g).relationship().name(),
                    staff ? Method.PAPER : Method.ONLINE,
                    null,
                    null,
                    null,
                    at,
                    staff ? "admin-7" : giver.id(),
                    staff ? "school-admin" : g < 0 ? "pupil" : "parent"));
            recorded.add(new RecordedDecision("d" + i, giver, f.decisions().get(i), 1, at, null));
        }
        Set<String> responsible = f.people().stream()
                .filter(Person::responsibility)
                .map(Person::id)
                .collect(Collectors.toSet());
        ConsentResolver.Resolution r = ConsentResolver.resolve(
                new ConsentResolver.Context(
                        PurposeKind.STANDARD, 1, responsible, false, true, ConflictPolicy.MOST_RESTRICTIVE, TODAY),
                recorded);
        PurposeStatus status = new PurposeStatus(
                "PHOTO_WEBSITE",
                "Photos on the website",
                PurposeKind.STANDARD,
                r.status(),
                r.permitted(),
                r.effectiveVersion(),
                1,
                r.validUntil(),
                r.countingDecisions(),
                r.explanation());
        List<ConsentReceipt> receipts = decisions.stream()
                .map(d -> new ConsentReceipt(
                        d.decisionId(),
                        ConsentReceipt.VERSION,
                        d.recordedAt(),
                        new ConsentReceipt.Controller("School", "100001", "DPO", "dpo@school.test"),
                        new ConsentReceipt.Subject("AVA"),
                        new ConsentReceipt.GivenBy(d.giver().type(), d.giver().id(), d.relationship()),
                        new ConsentReceipt.PurposeShown(
                                "PHOTO_WEBSITE", "Photos on the website", 1, "We may put photos on the website."),
                        List.of("PHOTOGRAPHS"),
                        d.method(),
                        null,
                        null,
                        d.decision(),
                        d.recordedAt(),
                        null,
                        ConsentStatus.GRANTED,
                        "Withdraw any time",
                        new ConsentReceipt.RecordedBy(d.recordedBy(), d.recordedByRole())))
                .toList();
        ExportRules.Asker asker = f.asker() < 0
                ? new ExportRules.Asker(Type.PUPIL, "AVA", null, null)
                : new ExportRules.Asker(
                        Type.GUARDIAN,
                        f.people().get(f.asker()).id(),
                        f.people().get(f.asker()).name(),
                        f.people().get(f.asker()).email());
        return ExportRules.export(
                AVA,
                f.people().stream().map(Person::link).toList(),
                List.of(status),
                decisions,
                receipts,
                NO_BIOMETRICS,
                asker);
    }

    private static String json(Object value) {
        try {
            return CloudEventCodec.mapper().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean mentions(String text, String id) {
        return Pattern.compile("(?<![A-Za-z0-9_-])" + Pattern.quote(id) + "(?![A-Za-z0-9_-])")
                .matcher(text)
                .find();
    }

    @Property
    void noOtherPersonsIdNameOrEmailReachesARequester(@ForAll("families") Family f) {
        String json = json(export(f));
        for (int i = 0; i < f.people().size(); i++) {
            if (i != f.asker()) {
                Person other = f.people().get(i);
                assertThat(mentions(json, other.id()))
                        .as("%s's id in %s", other.id(), json)
                        .isFalse();
                assertThat(json).doesNotContain(other.name(), other.email());
            }
        }
        if (f.asker() >= 0) {
            Person asker = f.people().get(f.asker());
            ExportRules.ConsentData data = export(f);
            assertThat(data.requester().name()).isEqualTo(asker.name());
            assertThat(data.requester().email()).isEqualTo(asker.email());
        }
    }

    @Property
    void aRestrictedPersonIsNeitherShownNorCountedNorAreTheirDecisions(@ForAll("families") Family f) {
        ExportRules.ConsentData data = export(f);
        List<Integer> restricted = new ArrayList<>();
        for (int i = 0; i < f.people().size(); i++) {
            if (f.people().get(i).restricted() && i != f.asker()) {
                restricted.add(i);
            }
        }
        assertThat(data.guardians()).hasSize(f.people().size() - restricted.size());
        long theirs = f.givers().stream().filter(restricted::contains).count();
        assertThat(data.decisions()).hasSize((int) (f.givers().size() - theirs));
        assertThat(data.receipts()).hasSize(data.decisions().size());
        Set<String> kept =
                data.decisions().stream().map(StoredDecision::decisionId).collect(Collectors.toSet());
        assertThat(data.consents().get(0).countingDecisions()).allMatch(kept::contains);
        for (int i : restricted) {
            assertThat(mentions(json(data), f.people().get(i).id())).isFalse();
        }
    }

    @Property
    void theSchoolsOwnViewKeepsContactDataButNeverTheRestricted(@ForAll("families") Family f) {
        Family school = new Family(f.people(), f.givers(), f.decisions(), f.staffRecorded(), -1);
        ExportRules.ConsentData data = ExportRules.export(
                AVA,
                f.people().stream().map(Person::link).toList(),
                export(school).consents(),
                List.of(),
                List.of(),
                NO_BIOMETRICS,
                null);
        for (Person p : f.people()) {
            assertThat(data.guardians().stream().anyMatch(g -> p.email().equals(g.email())))
                    .isEqualTo(!p.restricted());
        }
    }

    @Test
    void othersAreDescribedByTheirRelationshipAndNumberedWhenTwoShareOne() {
        List<GuardianOfPupil> linked = List.of(
                new GuardianOfPupil("MUM", "Maria", "m@x.test", true, Relationship.MOTHER, false),
                new GuardianOfPupil("P1", "Pat", "p@x.test", true, Relationship.PARENT, false),
                new GuardianOfPupil("P2", "Sam", "s@x.test", true, Relationship.PARENT, false),
                new GuardianOfPupil("STEP", "Simon", "si@x.test", false, Relationship.STEP_PARENT, false),
                new GuardianOfPupil("EX", "Eve", "e@x.test", true, Relationship.FATHER, true));
        Map<String, String> described = ExportRules.describe(linked, Set.of("EX"), List.of(), "MUM");
        assertThat(described)
                .containsExactly(
                        Map.entry("MUM", "you (mother)"),
                        Map.entry("P1", "parent"),
                        Map.entry("P2", "parent (2)"),
                        Map.entry("STEP", "step-parent without parental responsibility"));
        assertThat(ExportRules.renamed("guardian P2 refused (version 1)", described))
                .isEqualTo("the parent (2) refused (version 1)");
        assertThat(ExportRules.renamed("guardian P22 refused", described)).isEqualTo("guardian P22 refused");
        assertThat(ExportRules.renamed("guardian MUM granted", described)).isEqualTo("guardian MUM granted");
    }

    @Test
    void biometricNoticesAreTheRequestersOwnAndNeverARestrictedPersonsNorTheDeletionTheirObjectionRaised() {
        List<GuardianOfPupil> linked = List.of(
                new GuardianOfPupil("MUM", "Maria", "m@x.test", true, Relationship.MOTHER, false),
                new GuardianOfPupil("STEP", "Simon", "si@x.test", false, Relationship.STEP_PARENT, false),
                new GuardianOfPupil("EX", "Eve", "e@x.test", true, Relationship.FATHER, true));
        Instant at = Instant.parse("2026-09-01T08:00:00Z");
        StoredDecision objection = new StoredDecision(
                "d-ex",
                "AVA",
                "BIOMETRIC_CATERING",
                1,
                Decision.REFUSED,
                Giver.guardian("EX"),
                "FATHER",
                Method.PAPER,
                null,
                null,
                null,
                at,
                "admin-7",
                "school-admin");
        BiometricView records = new BiometricView(
                "AVA",
                List.of(
                        notice("n-mum", "MUM", at),
                        notice("n-step", "STEP", at),
                        notice("n-ex", "EX", at),
                        notice("n-gone", "GONE", at)),
                List.of(new BiometricQueries.Alternative(
                        "a1", "AVA", "BIOMETRIC_CATERING", "PIN at the till", TODAY, at, "admin-7")),
                List.of(
                        new BiometricQueries.TemplateDeletion(
                                "t-ex", "AVA", "BIOMETRIC_CATERING", "d-ex", "PARENT_OBJECTED", at),
                        new BiometricQueries.TemplateDeletion(
                                "t-pupil", "AVA", "BIOMETRIC_CATERING", "d-pupil", "PUPIL_OBJECTED", at)));

        ExportRules.Biometrics mum = ExportRules.export(
                        AVA,
                        linked,
                        List.of(),
                        List.of(objection),
                        List.of(),
                        records,
                        new ExportRules.Asker(Type.GUARDIAN, "MUM", "Maria", "m@x.test"))
                .biometrics();
        assertThat(mum.notices())
                .extracting(ExportRules.BiometricNotice::noticeId)
                .containsExactly("n-mum");
        assertThat(mum.notices().get(0).guardianId()).isEqualTo("MUM");
        assertThat(mum.notices().get(0).guardian()).isEqualTo("you (mother)");
        assertThat(mum.alternatives()).hasSize(1);
        assertThat(mum.templateDeletions())
                .extracting(BiometricQueries.TemplateDeletion::taskId)
                .containsExactly("t-pupil");

        ExportRules.Biometrics pupil = ExportRules.export(
                        AVA,
                        linked,
                        List.of(),
                        List.of(objection),
                        List.of(),
                        records,
                        new ExportRules.Asker(Type.PUPIL, "AVA", null, null))
                .biometrics();
        assertThat(pupil.notices())
                .extracting(ExportRules.BiometricNotice::guardian)
                .containsExactly(
                        "mother",
                        "step-parent without parental responsibility",
                        "a guardian no longer linked to the child");
        assertThat(pupil.notices()).allMatch(n -> n.guardianId() == null);
        assertThat(mentions(json(pupil), "EX")).isFalse();

        ExportRules.Biometrics school = ExportRules.export(
                        AVA, linked, List.of(), List.of(objection), List.of(), records, null)
                .biometrics();
        assertThat(school.notices())
                .extracting(ExportRules.BiometricNotice::guardianId)
                .containsExactly("MUM", "STEP", "GONE");
        assertThat(school.templateDeletions()).hasSize(1);
    }

    private static BiometricQueries.Notice notice(String id, String guardianId, Instant at) {
        return new BiometricQueries.Notice(
                id, "AVA", "BIOMETRIC_CATERING", guardianId, NoticeOutcome.NOTIFIED, TODAY, null, at, "admin-7");
    }
}
