package org.custodian.consent.changes;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.time.LocalDate;
import java.util.List;
import org.custodian.consent.ConsentTest;
import org.custodian.consent.Fixture;
import org.custodian.platform.pagination.ListCursors;
import org.custodian.testing.TamperedCursors;
import org.junit.jupiter.api.Test;

/** Issue 17: the MIS reads back what parents (and people in the suite) changed, with a cursor. */
@ConsentTest
class ChangesFeedTest {

    private static final String LIST = "GET /api/v1/schools/{urn}/roster/changes";

    private static Response feed(Fixture school, String bearer, String since) {
        var request = school.as(bearer);
        if (since != null) {
            request.queryParam("since", since);
        }
        return request.get(school.base() + "/roster/changes");
    }

    private static JsonPath read(Fixture school, String since) {
        return feed(school, school.bearer("mis"), since)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @Test
    void aGrantAndAWithdrawalAreReadBackInOrderAndTheCursorGivesOnlyNewerChanges() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 9, "MUM", "DAD");
        JsonPath start = read(school, null);
        assertThat(start.getList("items"))
                .as("the MIS's own writes are not fed back")
                .isEmpty();
        String c0 = start.getString("next");
        assertThat(c0).isNotBlank();

        school.parentDecides("MUM", "P1", "PHOTO_PRESS", "GRANTED").then().statusCode(201);
        String withdrawal = school.parentDecides("MUM", "P1", "PHOTO_PRESS", "WITHDRAWN")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getString("receiptId");

        JsonPath first = read(school, c0);
        assertThat(first.getList("items.kind")).containsExactly("CONSENT_DECISION", "CONSENT_DECISION");
        assertThat(first.getList("items.decision")).containsExactly("GRANTED", "WITHDRAWN");
        assertThat(first.getList("items.status")).containsExactly("GRANTED", "WITHDRAWN");
        assertThat(first.getList("items.pupilId")).containsOnly("P1");
        assertThat(first.getList("items.purpose")).containsOnly("PHOTO_PRESS");
        assertThat(first.getList("items.guardianId")).containsOnly("MUM");
        assertThat(first.getList("items.givenBy")).containsOnly("GUARDIAN");
        assertThat(first.getList("items.byRole")).containsOnly("parent");
        assertThat(first.getString("items[1].decisionId")).isEqualTo(withdrawal);
        assertThat(first.getList("items.at")).doesNotContainNull();
        List<String> ids = first.getList("items.id", String.class);
        assertThat(ids).doesNotHaveDuplicates().doesNotContainNull();
        assertThat(first.getBoolean("more")).isFalse();
        String c1 = first.getString("next");
        assertThat(c1).isNotEqualTo(c0);

        JsonPath nothingNew = read(school, c1);
        assertThat(nothingNew.getList("items")).isEmpty();
        assertThat(nothingNew.getString("next"))
                .as("the same cursor when nothing is new")
                .isEqualTo(c1);

        school.parentDecides("DAD", "P1", "PHOTO_PRESS", "GRANTED").then().statusCode(201);
        JsonPath newer = read(school, c1);
        assertThat(newer.getList("items.guardianId")).containsExactly("DAD");
        assertThat(newer.getList("items.decision")).containsExactly("GRANTED");
        assertThat(newer.getList("items.status"))
                .as("the effective status: one parent's withdrawal still stands under the school's rules")
                .isEqualTo(List.of(school.statusOf("P1", "PHOTO_PRESS")))
                .containsExactly("WITHDRAWN");
        assertThat(newer.getList("items.id", String.class)).doesNotContainAnyElementsOf(ids);

        JsonPath again = read(school, c0);
        assertThat(again.getList("items.id", String.class).subList(0, 2))
                .as("an entry keeps its id and place")
                .containsExactlyElementsOf(ids);
        assertThat(again.getList("items.guardianId")).containsExactly("MUM", "MUM", "DAD");
    }

    @Test
    void aLimitReadsTheFeedInStepsAndAnUnchangedAnswerIsA304() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 9, "MUM", "DAD");
        school.parentDecides("MUM", "P1", "PHOTO_PRESS", "GRANTED").then().statusCode(201);
        school.parentDecides("DAD", "P1", "PHOTO_PRESS", "GRANTED").then().statusCode(201);

        JsonPath one = school.as(school.bearer("mis"))
                .queryParam("limit", 1)
                .get(school.base() + "/roster/changes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(one.getList("items.guardianId")).containsExactly("MUM");
        assertThat(one.getBoolean("more")).isTrue();
        JsonPath two = read(school, one.getString("next"));
        assertThat(two.getList("items.guardianId")).containsExactly("DAD");
        assertThat(two.getBoolean("more")).isFalse();

        Response tagged = feed(school, school.bearer("mis"), two.getString("next"));
        String etag = tagged.then().statusCode(200).extract().header("ETag");
        assertThat(etag).isNotBlank();
        Response unchanged = school.as(school.bearer("mis"))
                .header("If-None-Match", etag)
                .queryParam("since", two.getString("next"))
                .get(school.base() + "/roster/changes");
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.asByteArray()).isEmpty();
    }

    @Test
    void rosterChangesMadeInTheSuiteAreFedButTheMisOwnAreNot() {
        Fixture school = Fixture.newSchool();
        school.pupil("P-MIS", LocalDate.now().minusYears(8)).then().statusCode(201);
        school.as(school.bearer("school-admin"))
                .body(Fixture.pupilJson(LocalDate.now().minusYears(7), 2, null))
                .put(school.base() + "/pupils/P-OFFICE")
                .then()
                .statusCode(201);
        school.as(school.bearer("school-admin"))
                .body(Fixture.pupilJson(LocalDate.now().minusYears(7), 3, null))
                .put(school.base() + "/pupils/P-OFFICE")
                .then()
                .statusCode(200);

        JsonPath feed = read(school, null);
        assertThat(feed.getList("items.kind")).containsExactly("PUPIL", "PUPIL");
        assertThat(feed.getList("items.pupilId")).containsOnly("P-OFFICE");
        assertThat(feed.getList("items.outcome")).containsExactly("CREATED", "UPDATED");
        assertThat(feed.getList("items[1].changedFields")).containsExactly("yearGroup");
        assertThat(feed.getList("items.byRole")).containsOnly("school-admin");
    }

    @Test
    void onlyTheMisAndTheSchoolsOfficeReadItAndOnlyForTheirSchool() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 9, "MUM", "DAD");
        Fixture other = Fixture.newSchool();
        for (String bearer : List.of(
                school.parent("MUM"),
                school.bearer("staff"),
                school.bearer("safeguarding-lead"),
                school.bearer("auditor"),
                other.bearer("mis"))) {
            Response refused = feed(school, bearer, null);
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.contentType()).startsWith("application/problem+json");
        }
        for (String role : List.of("mis", "dpo", "school-admin")) {
            assertThat(feed(school, school.bearer(role), null).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void aCursorOfAnotherSchoolOrNotIssuedHereIsA400() {
        Fixture school = Fixture.newSchool();
        school.family("P1", 9, "MUM", "DAD");
        Fixture other = Fixture.newSchool();
        other.family("P1", 9, "MUM", "DAD");
        school.pupil("P2", LocalDate.now().minusYears(8)).then().statusCode(201);
        String othersCursor = read(other, null).getString("next");
        ListCursors sealed = TamperedCursors.keys().forList(LIST);
        String pupilsCursor = school.as(school.bearer("mis"))
                .queryParam("limit", 1)
                .get(school.base() + "/pupils")
                .then()
                .statusCode(200)
                .extract()
                .path("nextCursor");
        for (String bad : new String[] {
            othersCursor,
            "not-a-cursor",
            othersCursor.substring(0, othersCursor.length() - 2),
            sealed.issue(List.of(school.urn, "minus-one")),
            sealed.issue(List.of(school.urn, "-1")),
            sealed.issue(List.of(school.urn)),
            TamperedCursors.keys().forList("GET /api/v1/schools/{urn}/pupils").issue(List.of(school.urn, "0")),
        }) {
            Response refused = feed(school, school.bearer("mis"), bad);
            assertThat(refused.statusCode()).as(bad).isEqualTo(400);
            assertThat(refused.contentType()).startsWith("application/problem+json");
            assertThat(refused.jsonPath().getString("errors[0].field")).isEqualTo("since");
        }
        assertThat(pupilsCursor).as("another list's real cursor").isNotNull();
        Response otherList = feed(school, school.bearer("mis"), pupilsCursor);
        assertThat(otherList.statusCode()).isEqualTo(400);
        assertThat(feed(school, school.bearer("mis"), sealed.issue(List.of(school.urn, "0")))
                        .statusCode())
                .as("a cursor sealed with the service's keys for this school's feed")
                .isEqualTo(200);
        assertThat(school.as(school.bearer("mis"))
                        .queryParam("limit", 0)
                        .get(school.base() + "/roster/changes")
                        .statusCode())
                .isEqualTo(400);
    }
}
