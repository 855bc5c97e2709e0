package org.custodian.sar.bundle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.sar.bundle.BundleApiTest.accessRequest;
import static org.custodian.sar.bundle.BundleApiTest.pdfText;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.ValidatableResponse;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodian.sar.bundle.BundleApiTest.Fixture;
import org.custodian.sar.notice.StatutoryMinimum;
import org.custodian.sar.testing.PublishedNotices;
import org.custodian.sar.testing.PublishedNotices.Recipient;
import org.custodian.sar.testing.PublishedNotices.Version;
import org.custodian.sar.testing.SarTest;
import org.custodian.sar.testing.SourceStandIns;
import org.custodian.sar.testing.SourceStandIns.NoticeFailure;
import org.junit.jupiter.api.Test;

/**
 * The response's information section is the school's published privacy notice, asked of accountability-service (a
 * real HTTP stand-in) at each assembly, and names the version it relied on; without one, the statutory minimum and a
 * warning to the DPO, and the response still assembles and can be completed (issue 18).
 */
@SarTest
class PublishedNoticeBundleApiTest {

    private static final Instant PUBLISHED = Instant.parse("2026-03-02T09:30:00Z");

    private static ValidatableResponse staffJson(Fixture f) {
        return given().header("Authorization", f.dpo())
                .get(f.base() + "/bundle")
                .then()
                .statusCode(200);
    }

    private static String pdf(Fixture f, String bearer) throws IOException {
        return pdfText(given().header("Authorization", bearer)
                .get(f.base() + "/bundle.pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
    }

    @Test
    void theResponseRepeatsThePublishedNoticeNamesItsVersionAndTakesANewVersionAtOnce() throws IOException {
        Fixture f = accessRequest("P");
        String urn = f.school().urn;
        Version v2 = PublishedNotices.version(urn, 2, PUBLISHED, List.of(PublishedNotices.DFE, PublishedNotices.WONDE));
        SourceStandIns.publishNotice(urn, v2.json());

        f.post("/bundle", Map.of())
                .statusCode(200)
                .body("complete", is(true))
                .body("privacyNotice.version", is(2))
                .body("privacyNotice.hash", is(v2.hash()))
                .body("warnings.size()", is(0));
        staffJson(f)
                .body("information.privacyNotice.version", is(2))
                .body("information.privacyNotice.hash", is(v2.hash()))
                .body("information.privacyNotice.publishedAt", is("2026-03-02T09:30:00Z"))
                .body("information.basedOn", containsString("our privacy notice, version 2, published on 2 March 2026"))
                // the recipient categories and the named recipients are the notice's
                .body(
                        "information.recipientCategories",
                        is(List.of(
                                "Central government, including the Department for Education",
                                "Educational platforms and apps")))
                .body(
                        "information.namedRecipients.find { it.name == 'Wonde' }.category",
                        is("Educational platforms and apps"))
                .body(
                        "information.namedRecipients.find { it.name == 'Wonde' }.why",
                        hasItem("Keep the classroom apps' class lists in step with the MIS"))
                .body(
                        "information.namedRecipients.find { it.name == 'Wonde' }.bases",
                        hasItem("Public task (UK GDPR Art. 6(1)(e))"))
                // the child's own disclosures stay the disclosure log's
                .body("information.recipients", hasItems("Department for Education", "Wonde Ltd"))
                // purposes and their bases, categories, retention, source, transfers, rights, the ICO: the notice's
                .body(
                        "information.purposes",
                        hasItem("Support pupils' learning, and monitor and report on their progress"))
                .body("information.purposes", not(hasItem(StatutoryMinimum.PURPOSES.get(0))))
                .body(
                        "information.uses.find { it.purpose == 'Photos on the school website' }.lawfulBasis",
                        is("Consent (UK GDPR Art. 6(1)(a))"))
                .body(
                        "information.lawfulBases",
                        is(List.of(
                                "Public task (UK GDPR Art. 6(1)(e))",
                                "Legal obligation (UK GDPR Art. 6(1)(c))",
                                "Consent (UK GDPR Art. 6(1)(a))")))
                .body("information.categories", hasItem("Medical conditions, including physical and mental health"))
                .body("information.retentionPolicy", containsString("(test notice)"))
                .body("information.retentionSchedule", is("/public/v1/schools/" + urn + "/retention-schedule"))
                .body(
                        "information.retention.find { it.recordClass == 'Pupil educational record' }.until",
                        is("2042-09-01"))
                .body("information.source", containsString("your child's previous school"))
                .body("information.automatedDecisionMaking.statement", containsString("(test notice)"))
                .body("information.transfers[0].country", is("US"))
                .body("information.internationalTransfers", containsString("Wonde (US)"))
                .body("information.rights[0]", containsString("Access: Ask for a copy"))
                .body("information.complaints.online", is(PublishedNotices.ICO_ONLINE))
                .body("information.complaints.firstContact", containsString("raise any complaint with us first"))
                .body("warnings.size()", is(0));
        assertThat(pdf(f, f.dpo()))
                .contains(
                        "our privacy notice, version 2, published on 2 March 2026",
                        "Educational platforms and apps: Wonde (Keep the classroom apps' class lists in step with the"
                                + " MIS)",
                        "Photos on the school website: Consent (UK GDPR Art. 6(1)(a))",
                        "Wonde (US)",
                        "ico.org.uk/make-a-complaint")
                .doesNotContain("could not be consulted");

        // the DPO publishes version 3 with a new recipient: the next assembly uses it (nothing is cached)
        int asked = SourceStandIns.noticeCalls(urn);
        Version v3 = PublishedNotices.version(
                urn,
                3,
                PUBLISHED.plusSeconds(86_400),
                List.of(
                        PublishedNotices.DFE,
                        PublishedNotices.WONDE,
                        new Recipient(
                                "Educational platforms and apps",
                                "Google Classroom",
                                "Set and hand in homework",
                                "Public task (UK GDPR Art. 6(1)(e))")));
        SourceStandIns.publishNotice(urn, v3.json());
        f.post("/bundle", Map.of()).statusCode(200).body("privacyNotice.version", is(3));
        assertThat(SourceStandIns.noticeCalls(urn)).isEqualTo(asked + 1);
        staffJson(f)
                .body("information.privacyNotice.hash", is(v3.hash()))
                .body("information.namedRecipients.name", hasItems("Wonde", "Google Classroom"));

        // the parent's copy names the version too, and carries no warning section
        f.post("/completion", Map.of("summary", "Sent")).statusCode(200);
        given().header("Authorization", f.parent())
                .get(f.base() + "/bundle")
                .then()
                .statusCode(200)
                .body("information.privacyNotice.version", is(3))
                .body("$", not(hasKey("warnings")));
        assertThat(pdf(f, f.parent())).contains("version 3, published on 3 March 2026", "Google Classroom");
    }

    @Test
    void aSchoolThatHasPublishedNothingGetsTheStatutoryMinimumAndTheDpoAWarning() throws IOException {
        Fixture f = accessRequest("P");
        f.post("/bundle", Map.of())
                .statusCode(200)
                .body("complete", is(true))
                .body("privacyNotice", nullValue())
                .body("warnings.size()", is(1))
                .body("warnings[0]", containsString("privacy notice was not available"))
                .body("warnings[0]", containsString("the school has published no privacy notice"));
        assertThat(SourceStandIns.noticeCalls(f.school().urn)).isEqualTo(1);
        staffJson(f)
                .body("information", hasKey("privacyNotice"))
                .body("information.privacyNotice", nullValue())
                .body("information.basedOn", containsString("could not be consulted"))
                .body("warnings.size()", is(1))
                .body("warnings[0].about", is("privacyNotice"))
                .body("warnings[0].reason", containsString("accountability-service answered 404"))
                .body("warnings[0].warning", containsString("statutory minimum"))
                .body("information.purposes", is(StatutoryMinimum.PURPOSES))
                .body("information.lawfulBases", is(StatutoryMinimum.LAWFUL_BASES))
                .body("information.categories", is(StatutoryMinimum.CATEGORIES))
                .body("information.recipientCategories", is(StatutoryMinimum.RECIPIENT_CATEGORIES))
                .body("information.namedRecipients.size()", is(0))
                .body("information.retentionPolicy", is(StatutoryMinimum.RETENTION))
                .body("information.source", is(StatutoryMinimum.SOURCES))
                .body("information.internationalTransfers", is(StatutoryMinimum.INTERNATIONAL_TRANSFERS))
                .body("information.rights", is(StatutoryMinimum.RIGHTS))
                .body("information.complaints.online", is(StatutoryMinimum.ICO.online()))
                // the child's own data is still the sources'
                .body("information.recipients", hasItems("Department for Education", "Wonde Ltd"));
        assertThat(pdf(f, f.dpo())).contains("could not be consulted", "ico.org.uk/concerns");

        // the warning does not stop completion; the parent's copy says what it is based on, not the DPO's warning
        f.post("/completion", Map.of("summary", "Sent")).statusCode(200);
        given().header("Authorization", f.parent())
                .get(f.base() + "/bundle")
                .then()
                .statusCode(200)
                .body("information.privacyNotice", nullValue())
                .body("information.basedOn", containsString("could not be consulted"))
                .body("$", not(hasKey("warnings")));
    }

    @Test
    void accountabilityServiceDownSlowOrFailingGivesTheMinimumAndTheResponseStillAssembles() {
        Map<NoticeFailure, String> why = Map.of(
                NoticeFailure.CRASH, "accountability-service is not reachable",
                NoticeFailure.SLOW, "accountability-service gave no answer within " + SourceStandIns.TIMEOUT_MILLIS,
                NoticeFailure.E503, "accountability-service answered HTTP 503");
        for (Map.Entry<NoticeFailure, String> failure : why.entrySet()) {
            Fixture f = accessRequest("P");
            String urn = f.school().urn;
            // a published notice that cannot be had now is as good as none for this response
            SourceStandIns.publishNotice(
                    urn,
                    PublishedNotices.version(urn, 2, PUBLISHED, List.of(PublishedNotices.WONDE))
                            .json());
            SourceStandIns.noticeFails(urn, failure.getKey());
            f.post("/bundle", Map.of())
                    .statusCode(200)
                    .body("complete", is(true))
                    .body("sources.status", is(List.of("PRESENT", "PRESENT", "PRESENT")))
                    .body("privacyNotice", nullValue())
                    .body("warnings[0]", containsString(failure.getValue()));
            staffJson(f)
                    .body("information.privacyNotice", nullValue())
                    .body("warnings[0].reason", containsString(failure.getValue()))
                    .body("information.purposes", is(StatutoryMinimum.PURPOSES))
                    .body("information.complaints.online", is(StatutoryMinimum.ICO.online()));
            f.post("/completion", Map.of("summary", "Sent")).statusCode(200);
        }
    }
}
