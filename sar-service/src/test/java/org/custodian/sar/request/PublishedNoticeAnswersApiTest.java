package org.custodian.sar.request;

import static io.restassured.RestAssured.given;
import static org.custodian.sar.request.LifecycleApiTest.TODAY;
import static org.custodian.sar.request.LifecycleApiTest.fixture;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.response.ValidatableResponse;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.custodian.sar.notice.StatutoryMinimum;
import org.custodian.sar.request.LifecycleApiTest.Fixture;
import org.custodian.sar.testing.PublishedNotices;
import org.custodian.sar.testing.PublishedNotices.Version;
import org.custodian.sar.testing.SarTest;
import org.custodian.sar.testing.SourceStandIns;
import org.custodian.sar.testing.SourceStandIns.NoticeFailure;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

/**
 * Refusals, fees, refused or partial decisions and complaint answers take the ICO's contact from the school's published
 * privacy notice and name its version; the requester's steps point to that ICO address. Without a notice (none
 * published, or accountability-service not answering), the statutory minimum, and the answer is still made (issue 18).
 */
@SarTest
class PublishedNoticeAnswersApiTest {

    private static final Instant PUBLISHED = Instant.parse("2026-03-02T09:30:00Z");
    private static final String NAMED =
            "As our privacy notice (version 2, published on 2 March 2026) says, you have the"
                    + " right to complain to the Information Commissioner's Office";

    private static Version publishV2(Fixture f) {
        Version v2 = PublishedNotices.version(
                f.school().urn, 2, PUBLISHED, List.of(PublishedNotices.DFE, PublishedNotices.WONDE));
        SourceStandIns.publishNotice(f.school().urn, v2.json());
        return v2;
    }

    private static ValidatableResponse asTheParent(Fixture f, String id) {
        return given().header(
                        "Authorization",
                        TestTokens.role("parent")
                                .school(f.school().urn)
                                .subject(f.guardian())
                                .bearer())
                .get(f.base() + "/" + id)
                .then()
                .statusCode(200);
    }

    @Test
    void aRefusalNamesTheNoticeVersionAndItsIco() {
        Fixture f = fixture();
        Version v2 = publishV2(f);
        String id = f.create("ACCESS", TODAY.minusDays(3));
        f.act(id, "refusal", Map.of("ground", "MANIFESTLY_UNFOUNDED", "explanation", "Made to disrupt the school"))
                .statusCode(200)
                .body("status", is("REFUSED"))
                .body("refusal.rightToComplain", containsString(NAMED))
                .body("refusal.rightToComplain", containsString(PublishedNotices.ICO_ONLINE))
                .body("refusal.rightToComplain", containsString(PublishedNotices.ICO_TELEPHONE))
                .body("refusal.rightToComplain", not(containsString(StatutoryMinimum.ICO.online())))
                .body("refusal.privacyNotice.version", is(2))
                .body("refusal.privacyNotice.hash", is(v2.hash()))
                .body("refusal.privacyNotice.publishedAt", is("2026-03-02T09:30:00Z"));
        // the parent is pointed to the ICO as the refusal told them
        asTheParent(f, id)
                .body("refusal.privacyNotice.version", is(2))
                .body(
                        "requesterSteps.find { it.step == 'complaint' }.description",
                        containsString(PublishedNotices.ICO_ONLINE));
    }

    @Test
    void aFeeARefusedDecisionAndAComplaintsAnswerNameTheVersionToo() {
        Fixture f = fixture();
        Version v2 = publishV2(f);

        String access = f.create("ACCESS", TODAY.minusDays(10));
        f.act(
                        access,
                        "fee-requests",
                        Map.of(
                                "amount",
                                new BigDecimal("10.00"),
                                "ground",
                                "MANIFESTLY_EXCESSIVE",
                                "explanation",
                                "The fourth identical request this term"))
                .statusCode(200)
                .body("fee.rightToComplain", containsString(NAMED))
                .body("fee.privacyNotice.hash", is(v2.hash()));

        String erasure = f.create("ERASURE", TODAY.minusDays(5));
        f.act(erasure, "identity-verification", Map.of("decision", "NOT_REQUIRED"))
                .statusCode(200);
        f.act(
                        erasure,
                        "decision",
                        Map.of(
                                "outcome",
                                "PARTLY_APPROVED",
                                "exemption",
                                "LEGAL_OBLIGATION",
                                "categories",
                                List.of("Photographs"),
                                "reason",
                                "Photos erased; the admission register is kept"))
                .statusCode(200)
                .body("decision.rightToComplain", containsString(NAMED))
                .body("decision.privacyNotice.version", is(2));

        String complaint = f.create("COMPLAINT", TODAY.minusDays(2));
        f.act(complaint, "acknowledgement", Map.of("note", "Letter sent")).statusCode(200);
        f.act(complaint, "completion", Map.of("summary", "The photo was removed the same day."))
                .statusCode(200)
                .body("completion.rightToComplain", containsString("you can complain to the ICO. " + NAMED))
                .body("completion.rightToComplain", containsString(PublishedNotices.ICO_ONLINE))
                .body("completion.privacyNotice.version", is(2));
        asTheParent(f, complaint)
                .body(
                        "requesterSteps.find { it.step == 'ico' }.description",
                        containsString(PublishedNotices.ICO_ONLINE));
    }

    @Test
    void withoutANoticeTheAnswerCarriesTheStatutoryMinimumAndIsStillMade() {
        Fixture f = fixture();
        // nothing published: 404
        String refused = f.create("ACCESS", TODAY.minusDays(3));
        f.act(refused, "refusal", Map.of("ground", "MANIFESTLY_UNFOUNDED", "explanation", "x"))
                .statusCode(200)
                .body("refusal.rightToComplain", is(StatutoryMinimum.RIGHT_TO_COMPLAIN))
                .body("refusal.privacyNotice", nullValue());
        asTheParent(f, refused)
                .body(
                        "requesterSteps.find { it.step == 'complaint' }.description",
                        containsString(StatutoryMinimum.ICO.online()));

        // published, but accountability-service is down when the complaint is answered
        publishV2(f);
        SourceStandIns.noticeFails(f.school().urn, NoticeFailure.CRASH);
        String complaint = f.create("COMPLAINT", TODAY.minusDays(2));
        f.act(complaint, "acknowledgement", Map.of("note", "Letter sent")).statusCode(200);
        f.act(complaint, "completion", Map.of("summary", "Answered by letter."))
                .statusCode(200)
                .body("completion.rightToComplain", containsString(StatutoryMinimum.RIGHT_TO_COMPLAIN))
                .body("completion.privacyNotice", nullValue());
    }
}
