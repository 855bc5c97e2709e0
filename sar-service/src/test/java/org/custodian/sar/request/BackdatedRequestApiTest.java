package org.custodian.sar.request;

import static org.hamcrest.Matchers.is;

import java.util.Map;
import org.custodian.sar.testing.Roster;
import org.custodian.sar.testing.SarTest;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A letter logged long after it arrived gets the deadline the law gave it on the day it was received: the one-off bank
 * holidays of past years (legal-rules.md, "Bank holidays") count, and the holidays they replaced do not.
 */
@SarTest
class BackdatedRequestApiTest {

    @ParameterizedTest(name = "received {0}: due {1}")
    @CsvSource({
        "2012-04-27, 2012-05-28",
        "2012-05-04, 2012-06-06",
        "2020-04-03, 2020-05-04",
        "2020-04-08, 2020-05-11",
        "2022-04-29, 2022-05-30",
        "2022-05-02, 2022-06-06",
        "2022-08-19, 2022-09-20"
    })
    void aBackdatedAccessRequestIsDueOnTheDayTheCalendarOfItsYearGives(String received, String due) {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 9);
        String guardian = school.guardianOf(pupil, true);
        RequestApiTest.post(
                        school,
                        RequestApiTest.dpo(school),
                        Map.of(
                                "type",
                                "ACCESS",
                                "subject",
                                Map.of("type", "GUARDIAN", "id", guardian),
                                "requester",
                                Map.of("type", "GUARDIAN", "id", guardian),
                                "channel",
                                "LETTER",
                                "receivedOn",
                                received,
                                "description",
                                "A letter found in the archive"))
                .statusCode(201)
                .body("receivedOn", is(received))
                .body("deadline.dueOn", is(due));
    }
}
