package org.custodian.sar.request;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import java.util.List;
import java.util.Map;
import org.custodian.sar.testing.Roster;
import org.custodian.sar.testing.SarTest;
import org.junit.jupiter.api.Test;

/** A parent's view of their request shows only the steps a parent can take; staff keep theirs. */
@SarTest
class RequesterStepsApiTest {

    private static final List<String> STAFF_STEPS = List.of(
            "identity-verification (REQUIRED)",
            "clarification-requests",
            "clarification-responses",
            "fee-requests",
            "fee-payments",
            "extension",
            "completion",
            "refusal",
            "acknowledgement",
            "decision (APPROVED or PARTLY_APPROVED)",
            "restriction-lift");

    private static ValidatableResponse read(Roster school, String token, String id) {
        return given().header("Authorization", token)
                .get(RequestApiTest.path(school) + "/" + id)
                .then()
                .statusCode(200);
    }

    private static ValidatableResponse step(Roster school, String id, String step, Map<String, ?> body) {
        return given().header("Authorization", RequestApiTest.dpo(school))
                .contentType(ContentType.JSON)
                .body(body)
                .post(RequestApiTest.path(school) + "/" + id + "/" + step)
                .then();
    }

    private static void noStaffStep(ValidatableResponse view) {
        for (String staff : STAFF_STEPS) {
            view.body("nextSteps", not(hasItems(staff)));
        }
    }

    @Test
    void aParentSeesWithdrawThenAnswerTheQuestionThenDownloadAndComplainWhileStaffSeeTheirs() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 8);
        String guardian = school.guardianOf(pupil, true);
        String parent = RequestApiTest.parent(school, guardian);
        String dpo = RequestApiTest.dpo(school);
        String id = RequestApiTest.post(school, parent, RequestApiTest.access(pupil))
                .statusCode(201)
                // the answer to the parent's own POST is already the parent's view
                .body("nextSteps", contains("withdrawal"))
                .extract()
                .path("id");
        String base = RequestApiTest.path(school) + "/" + id;

        ValidatableResponse parentsView = read(school, parent, id)
                .body("nextSteps", contains("withdrawal"))
                .body("requesterSteps.step", contains("withdrawal"))
                .body("requesterSteps[0].method", is("POST"))
                .body("requesterSteps[0].path", is(base + "/withdrawal"))
                .body("requesterSteps[0].description", containsString("Withdraw the request"));
        noStaffStep(parentsView);
        read(school, dpo, id)
                .body(
                        "nextSteps",
                        hasItems(
                                "identity-verification (REQUIRED)",
                                "clarification-requests",
                                "fee-requests",
                                "refusal",
                                "withdrawal"))
                .body("requesterSteps", nullValue());

        // the school asks a question: the parent is asked to answer it (and may still withdraw)
        step(school, id, "clarification-requests", Map.of("question", "Which school years do you mean?"))
                .statusCode(200);
        read(school, parent, id)
                .body("status", is("AWAITING_CLARIFICATION"))
                .body("nextSteps", contains("clarification", "withdrawal"))
                .body("requesterSteps[0].description", containsString("Which school years do you mean?"))
                .body("requesterSteps[0].method", nullValue());
        read(school, dpo, id).body("nextSteps", hasItems("clarification-responses", "withdrawal"));

        step(school, id, "clarification-responses", Map.of("answer", "Years 3 and 4"))
                .statusCode(200);
        step(school, id, "bundle", Map.of()).statusCode(200);
        step(school, id, "completion", Map.of("summary", "Response sent")).statusCode(200);

        // completed: the parent downloads the response or complains; staff have nothing left but the record
        ValidatableResponse done = read(school, parent, id)
                .body("status", is("COMPLETED"))
                .body("nextSteps", contains("bundle.pdf", "bundle", "complaint"))
                .body("requesterSteps.find { it.step == 'bundle.pdf' }.path", is(base + "/bundle.pdf"))
                .body("requesterSteps.find { it.step == 'complaint' }.path", is(RequestApiTest.path(school)))
                .body("requesterSteps.find { it.step == 'complaint' }.description", containsString("ico.org.uk"));
        noStaffStep(done);
        read(school, dpo, id).body("nextSteps", is(List.of())).body("requesterSteps", nullValue());
        // and the steps offered work for the parent
        given().header("Authorization", parent).get(base + "/bundle.pdf").then().statusCode(200);
    }

    @Test
    void aWithdrawnRequestOffersTheParentNothingMore() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 8);
        String guardian = school.guardianOf(pupil, true);
        String parent = RequestApiTest.parent(school, guardian);
        String id = RequestApiTest.post(school, parent, RequestApiTest.access(pupil))
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", parent)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "sorted it out"))
                .post(RequestApiTest.path(school) + "/" + id + "/withdrawal")
                .then()
                .statusCode(200)
                .body("status", is("WITHDRAWN"))
                .body("nextSteps", is(List.of()))
                .body("requesterSteps", is(List.of()));
    }
}
