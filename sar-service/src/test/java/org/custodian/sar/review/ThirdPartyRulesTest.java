package org.custodian.sar.review;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custodian.platform.problems.Problem.FieldError;
import org.custodian.sar.review.ThirdPartyRules.Category;
import org.custodian.sar.review.ThirdPartyRules.Finding;
import org.custodian.sar.review.ThirdPartyRules.Parties;
import org.custodian.sar.review.ThirdPartyRules.Person;
import org.junit.jupiter.api.Test;

/** Worked examples and properties of what names a third party in a response, and of what the requester then receives. */
class ThirdPartyRulesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2026-11-28T14:00:00Z");
    private static final Parties MUMS_REQUEST = new Parties(
            "G-MUM",
            "P-AVA",
            List.of(
                    new Person("G-MUM", "MOTHER", false),
                    new Person("G-DAD", "FATHER", false),
                    new Person("G-EX", "FATHER", true)));

    private static JsonNode response(String consentData, String sharingData) {
        try {
            return JSON.readTree(
                    "{\"format\":\"custodian.sar.response/v1\",\"requester\":{\"type\":\"GUARDIAN\",\"id\":\"G-MUM\"},"
                            + "\"sources\":[{\"source\":\"consent\",\"status\":\"PRESENT\",\"data\":" + consentData
                            + "},"
                            + "{\"source\":\"sharing\",\"status\":\"PRESENT\",\"data\":" + sharingData + "},"
                            + "{\"source\":\"retention\",\"status\":\"MISSING\",\"error\":\"no answer\"}]}");
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static final JsonNode AVA = response("""
            {"pupil":{"pupilId":"P-AVA","givenName":"Ava","familyName":"Lovelace"},
             "requester":{"type":"GUARDIAN","guardianId":"G-MUM","name":"Maria Mother","email":"maria@example.org"},
             "guardians":[{"guardianId":"G-DAD","name":"David Father","email":"david@example.org","relationship":"FATHER"},
                          {"relationship":"STEP_PARENT","description":"step-parent without parental responsibility"}],
             "consents":[{"purpose":"PHOTO_WEBSITE","explanation":["guardian G-DAD withdrew","guardian G-DADDY granted",
                          "guardian G-MUM granted","guardian G-EX refused"]}],
             "decisions":[{"recordedBy":"G-MUM","recordedByRole":"parent","giver":{"type":"GUARDIAN","id":"G-MUM"}},
                          {"recordedBy":"admin-7","recordedByRole":"school-admin","evidenceRef":"Form from Mr Father"},
                          {"recordedBy":"sims","recordedByRole":"mis","evidenceRef":""},
                          {"recordedBy":"P-AVA","recordedByRole":"pupil"}],
             "receipts":[{"controller":{"name":"Cassiobury Infant School"},"recordedBy":{"actor":"admin-7","role":"school-admin"}}]}
            """, """
            {"disclosures":[{"recipientName":"Department for Education","reason":"Census","disclosedBy":"admin-7",
                             "disclosedByRole":"school-admin"}],
             "refusedDisclosures":[{"recipientName":"Watford Observer","reasons":["CONSENT_WITHDRAWN"]}]}
            """);

    @Test
    void aMothersResponseNamesTheFatherTheRestrictedPersonAMemberOfStaffAndFreeText() {
        List<Finding> found = ThirdPartyRules.find(AVA, MUMS_REQUEST);

        assertThat(found)
                .extracting(Finding::category, Finding::text)
                .containsExactly(
                        tuple(Category.OTHER_PERSON_ID, "G-DAD"),
                        tuple(Category.CONTACT_DETAILS, "David Father"),
                        tuple(Category.CONTACT_DETAILS, "david@example.org"),
                        tuple(Category.OTHER_PERSON_ID, "G-EX"),
                        tuple(Category.PERSON_ACTING, "admin-7"),
                        tuple(Category.FREE_TEXT, "Form from Mr Father"),
                        tuple(Category.FREE_TEXT, "Census"));
        Finding dad = found.get(0);
        assertThat(dad.pointers())
                .containsExactly("/sources/0/data/guardians/0/guardianId", "/sources/0/data/consents/0/explanation/0");
        assertThat(dad.detail()).isEqualTo("FATHER");
        assertThat(found.get(3).restricted()).isTrue();
        Finding staff = found.get(4);
        assertThat(staff.sources()).containsExactly("consent", "sharing");
        assertThat(staff.pointers())
                .containsExactly(
                        "/sources/0/data/decisions/1/recordedBy",
                        "/sources/0/data/receipts/0/recordedBy/actor",
                        "/sources/1/data/disclosures/0/disclosedBy");
        assertThat(staff.detail()).isEqualTo("school-admin");
    }

    @Test
    void aPersonActingWithoutARoleBesideThemIsStillAPersonActing() {
        // consent's biometric notices and the DPO's competence assessment name who recorded them without a role field
        JsonNode withoutRoles = response("""
                {"biometrics":{"notices":[{"guardianId":"G-MUM","outcome":"NOTIFIED","recordedBy":"office-3"}]},
                 "competenceAssessment":{"pupilId":"P-AVA","competent":true,"assessedBy":"dpo-1"}}
                """, "{}");

        List<Finding> found = ThirdPartyRules.find(withoutRoles, MUMS_REQUEST);

        assertThat(found)
                .extracting(Finding::category, Finding::text, Finding::detail)
                .containsExactly(
                        tuple(Category.PERSON_ACTING, "office-3", null), tuple(Category.PERSON_ACTING, "dpo-1", null));
    }

    @Test
    void aPupilsOwnRequestMakesEveryGuardianAnotherPerson() {
        List<Finding> found = ThirdPartyRules.find(AVA, new Parties("P-AVA", "P-AVA", MUMS_REQUEST.linked()));
        assertThat(found).extracting(Finding::text).contains("G-MUM", "G-DAD", "G-EX");
        assertThat(found)
                .filteredOn(f -> f.text().equals("G-MUM"))
                .singleElement()
                .satisfies(f -> assertThat(f.pointers())
                        .contains("/sources/0/data/requester/guardianId", "/sources/0/data/decisions/0/recordedBy"));
    }

    @Test
    void releasedAsDecided() {
        List<ReviewItem> items = ReviewItem.merge(ThirdPartyRules.find(AVA, MUMS_REQUEST), List.of(), NOW);
        assertThat(items)
                .extracting(ReviewItem::state)
                .containsExactly(
                        ReviewState.PENDING,
                        ReviewState.PENDING,
                        ReviewState.PENDING,
                        ReviewState.REDACT,
                        ReviewState.PENDING,
                        ReviewState.PENDING,
                        ReviewState.PENDING);

        JsonNode pending = ReleaseRules.released(AVA, items);
        String text = pending.toString();
        assertThat(text)
                .doesNotContain(
                        "G-DAD\"",
                        "G-DAD ",
                        "David Father",
                        "david@example.org",
                        "G-EX",
                        "admin-7",
                        "Mr Father",
                        "Census\"")
                .contains(
                        "Maria Mother",
                        "Ava",
                        "sims",
                        "G-DADDY",
                        "step-parent without parental responsibility",
                        "Cassiobury Infant School");
        assertThat(pending.at("/sources/0/data/consents/0/explanation/0").asText())
                .isEqualTo("guardian " + ReleaseRules.PENDING_MARK + " withdrew");
        assertThat(pending.at("/sources/0/data/consents/0/explanation/3").asText())
                .isEqualTo("guardian [redacted: DPA 2018 Sch. 2 para 16] refused");
        assertThat(pending.path("withheld")).hasSize(6);

        List<ReviewItem> decided = new ArrayList<>();
        for (ReviewItem i : items) {
            decided.add(
                    switch (i.category()) {
                        case OTHER_PERSON_ID ->
                            i.restricted()
                                    ? i
                                    : i.decided(
                                            ReviewState.REDACT,
                                            Exemption.THIRD_PARTY_DATA,
                                            "no consent from him",
                                            null,
                                            "dpo",
                                            "dpo",
                                            NOW);
                        case CONTACT_DETAILS ->
                            i.decided(
                                    ReviewState.WITHHOLD,
                                    Exemption.THIRD_PARTY_DATA,
                                    "no consent from him",
                                    null,
                                    "dpo",
                                    "dpo",
                                    NOW);
                        case PERSON_ACTING -> i.decided(ReviewState.RELEASE, null, null, null, "dpo", "dpo", NOW);
                        case FREE_TEXT ->
                            i.text().equals("Census")
                                    ? i.decided(ReviewState.RELEASE, null, null, null, "dpo", "dpo", NOW)
                                    : i.decided(
                                            ReviewState.REDACT,
                                            Exemption.THIRD_PARTY_DATA,
                                            "names him",
                                            "Form from a parent",
                                            "dpo",
                                            "dpo",
                                            NOW);
                    });
        }
        JsonNode released = ReleaseRules.released(AVA, decided);
        assertThat(released.at("/sources/0/data/guardians/0/guardianId").asText())
                .isEqualTo("[redacted: DPA 2018 Sch. 2 para 16]");
        assertThat(released.at("/sources/0/data/guardians/0/name").asText())
                .isEqualTo("[withheld: DPA 2018 Sch. 2 para 16]");
        assertThat(released.at("/sources/0/data/guardians/0/relationship").asText())
                .isEqualTo("FATHER");
        assertThat(released.at("/sources/0/data/decisions/1/evidenceRef").asText())
                .isEqualTo("Form from a parent");
        assertThat(released.at("/sources/1/data/disclosures/0/disclosedBy").asText())
                .isEqualTo("admin-7");
        assertThat(released.at("/sources/1/data/disclosures/0/reason").asText()).isEqualTo("Census");
        assertThat(released.path("withheld"))
                .extracting(w -> w.path("state").asText())
                .containsExactly("REDACT", "WITHHOLD", "WITHHOLD", "REDACT");
        assertThat(released.toString()).doesNotContain("G-EX", "David Father", "no consent from him");
    }

    @Test
    void aDecisionNamesTheExemptionAndTheReasonToKeepSomethingBack() {
        List<ReviewItem> items = ReviewItem.merge(ThirdPartyRules.find(AVA, MUMS_REQUEST), List.of(), NOW);
        ReviewItem dad = items.get(0);
        ReviewItem form = items.stream()
                .filter(i -> i.text().equals("Form from Mr Father"))
                .findFirst()
                .orElseThrow();
        assertThat(fields(ReleaseRules.check(dad, null, null, null, null))).containsExactly("state");
        assertThat(fields(ReleaseRules.check(dad, ReviewState.PENDING, null, null, null)))
                .containsExactly("state");
        assertThat(fields(ReleaseRules.check(dad, ReviewState.WITHHOLD, null, "", null)))
                .containsExactly("exemption", "reason");
        assertThat(fields(ReleaseRules.check(dad, ReviewState.RELEASE, Exemption.THIRD_PARTY_DATA, null, null)))
                .containsExactly("exemption");
        assertThat(fields(ReleaseRules.check(dad, ReviewState.REDACT, Exemption.THIRD_PARTY_DATA, "x", "other text")))
                .containsExactly("redactedText");
        assertThat(fields(ReleaseRules.check(form, ReviewState.REDACT, Exemption.THIRD_PARTY_DATA, "x", null)))
                .containsExactly("redactedText");
        assertThat(fields(ReleaseRules.check(
                        form, ReviewState.REDACT, Exemption.THIRD_PARTY_DATA, "x", " Form from Mr Father ")))
                .containsExactly("redactedText");
        assertThat(ReleaseRules.check(form, ReviewState.REDACT, Exemption.THIRD_PARTY_DATA, "x", "Form from a parent"))
                .isEmpty();
        assertThat(ReleaseRules.check(dad, ReviewState.RELEASE, null, null, null))
                .isEmpty();
        assertThat(ReleaseRules.check(dad, ReviewState.WITHHOLD, Exemption.SERIOUS_HARM, "risk to the child", null))
                .isEmpty();
    }

    @Test
    void aDecisionSurvivesReassemblyAndARestrictedPersonIsNeverReleased() {
        List<Finding> found = ThirdPartyRules.find(AVA, MUMS_REQUEST);
        List<ReviewItem> first = ReviewItem.merge(found, List.of(), NOW);
        ReviewItem released = first.get(1).decided(ReviewState.RELEASE, null, null, null, "dpo", "dpo", NOW);
        List<ReviewItem> stored = new ArrayList<>(first);
        stored.set(1, released);
        List<ReviewItem> again = ReviewItem.merge(found, stored, NOW.plusSeconds(60));
        assertThat(again.get(1).id()).isEqualTo(released.id());
        assertThat(again.get(1).state()).isEqualTo(ReviewState.RELEASE);
        assertThat(again.get(0).id()).isEqualTo(first.get(0).id());
        assertThat(again.get(0).state()).isEqualTo(ReviewState.PENDING);
        assertThat(again.get(3).state()).isEqualTo(ReviewState.REDACT);
        assertThat(again.get(3).decidedBy()).isEqualTo(ReviewItem.AUTOMATIC);
    }

    // ---- properties -------------------------------------------------------------------------------------------------

    /** A response with third parties planted at random places: contact fields, ids inside sentences, free text, actors. */
    record Planted(JsonNode content, List<Person> linked, List<String> secrets) {}

    @Provide
    Arbitrary<Planted> planted() {
        Arbitrary<String> word =
                Arbitraries.strings().withCharRange('a', 'z').ofMinLength(3).ofMaxLength(8);
        Arbitrary<String> field = Arbitraries.of("name", "email", "telephone", "address", "givenName");
        Arbitrary<String> freeText = Arbitraries.of("reason", "overrideJustification", "note");
        return Combinators.combine(
                        word.list().ofMinSize(1).ofMaxSize(6),
                        field.list().ofSize(6),
                        freeText.list().ofSize(6),
                        Arbitraries.integers().between(0, 3).list().ofSize(6))
                .as((words, fields, texts, depths) -> {
                    ObjectNode consent = JSON.createObjectNode();
                    ObjectNode sharing = JSON.createObjectNode();
                    consent.putObject("requester").put("name", "Maria Mother").put("guardianId", "G-MUM");
                    List<String> secrets = new ArrayList<>();
                    ArrayNode people = consent.putArray("people");
                    ArrayNode disclosures = sharing.putArray("disclosures");
                    for (int i = 0; i < words.size(); i++) {
                        String secret = "Zq" + words.get(i) + i;
                        secrets.add(secret);
                        ObjectNode at = people.addObject();
                        for (int d = 0; d < depths.get(i); d++) {
                            at = at.putObject("nested" + d);
                        }
                        at.put(fields.get(i), secret);
                        consent.putArray("lines" + i).add("guardian G-DAD" + i + " refused " + words.get(i));
                        secrets.add("G-DAD" + i);
                        disclosures
                                .addObject()
                                .put(texts.get(i), "about " + secret + " today")
                                .put("disclosedBy", "staff-" + secret)
                                .put("disclosedByRole", "staff");
                    }
                    List<Person> linked = new ArrayList<>(List.of(new Person("G-MUM", "MOTHER", false)));
                    for (int i = 0; i < words.size(); i++) {
                        linked.add(new Person("G-DAD" + i, "FATHER", depths.get(i) == 3));
                    }
                    ObjectNode root = JSON.createObjectNode();
                    ArrayNode sources = root.putArray("sources");
                    sources.addObject()
                            .put("source", "consent")
                            .put("status", "PRESENT")
                            .set("data", consent);
                    sources.addObject()
                            .put("source", "sharing")
                            .put("status", "PRESENT")
                            .set("data", sharing);
                    return new Planted(root, linked, secrets);
                });
    }

    private static Parties parties(Planted p) {
        return new Parties("G-MUM", "P-AVA", p.linked());
    }

    @Property
    void nothingPlantedLeavesWhilePending(@ForAll("planted") Planted p) {
        JsonNode content = p.content();
        List<ReviewItem> items = ReviewItem.merge(ThirdPartyRules.find(content, parties(p)), List.of(), NOW);
        String released = ReleaseRules.released(content, items).toString();
        for (String secret : p.secrets()) {
            assertThat(released).as("%s", secret).doesNotContain(secret);
        }
        assertThat(released).contains("Maria Mother");
    }

    @Property
    void releasingEverythingChangesNothingButTheList(@ForAll("planted") Planted p) {
        JsonNode content = p.content();
        List<ReviewItem> items = ReviewItem.merge(ThirdPartyRules.find(content, parties(p)), List.of(), NOW).stream()
                .map(i -> i.restricted() ? i : i.decided(ReviewState.RELEASE, null, null, null, "dpo", "dpo", NOW))
                .toList();
        ObjectNode released = ReleaseRules.released(content, items);
        boolean anyRestricted = items.stream().anyMatch(ReviewItem::restricted);
        assertThat(released.path("withheld")).isEmpty();
        released.remove("withheld");
        if (!anyRestricted) {
            assertThat(released).isEqualTo(content);
        }
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }
}
