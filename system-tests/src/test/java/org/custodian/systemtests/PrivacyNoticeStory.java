package org.custodian.systemtests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.custodian.systemtests.support.Api.object;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.custodian.systemtests.support.Api;
import org.custodian.systemtests.support.School;
import org.custodian.systemtests.support.Stack;
import org.junit.jupiter.api.Test;

/**
 * Issue 18's story, through the gateway: a school's notice is made from what the other services announce; an agreement
 * with a new recipient makes the published notice OUTDATED with that difference; the DPO publishes version 2; the
 * public page, with no token, shows version 2; and a second school with other purposes and recipients gets another
 * notice.
 */
class PrivacyNoticeStory {

    @Test
    void aNewRecipientOutdatesTheNoticeUntilVersionTwoIsPublishedAndPublic() {
        School school = School.fresh();
        setUp(school, "Oakfield Primary School", "dpo@oakfield.example");
        awaitDraft(school, "dpo@oakfield.example");
        JsonNode v1 = school.dpo
                .post(school.path("/privacy-notice/draft/publication"), "")
                .json(201);
        assertThat(v1.path("version").asInt()).isEqualTo(1);
        assertThat(school.dpo
                        .get(school.path("/privacy-notice/status"))
                        .json(200)
                        .path("status")
                        .asText())
                .isEqualTo("CURRENT");

        String recipient = school.addRecipient("Bright Futures Tutoring", "PROCESSOR");
        processorAgreement(school, recipient, "Catch-up tutoring");

        JsonNode status = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> school.dpo
                                .get(school.path("/privacy-notice/status"))
                                .json(200),
                        s -> s.path("status").asText().equals("OUTDATED")
                                && s.path("differences").toString().contains("Bright Futures Tutoring"));
        JsonNode added = null;
        for (JsonNode d : status.path("differences")) {
            if (d.path("section").asText().equals("recipients")
                    && d.path("item").asText().startsWith("Bright Futures Tutoring")) {
                added = d;
            }
        }
        assertThat(added)
                .as("the new recipient among the differences: %s", status)
                .isNotNull();
        assertThat(added.path("change").asText()).isEqualTo("ADDED");
        assertThat(added.path("because").toString()).contains("recipient " + recipient);

        JsonNode v2 = school.dpo
                .post(school.path("/privacy-notice/draft/publication"), "")
                .json(201);
        assertThat(v2.path("version").asInt()).isEqualTo(2);
        assertThat(v2.path("changedSections").toString()).contains("recipients");

        Api anyone = Api.as(null);
        String page = anyone.get("/public/v1/schools/" + school.urn + "/privacy-notice", "Accept", "text/html")
                .expect(200)
                .text();
        assertThat(page).contains("<html lang=\"en-GB\">", "Version 2", "Bright Futures Tutoring", "Oakfield Primary");
        JsonNode json = anyone.get("/public/v1/schools/" + school.urn + "/privacy-notice", "Accept", "application/json")
                .json(200);
        assertThat(json.path("version").asInt()).isEqualTo(2);
        assertThat(json.path("hash").asText()).isEqualTo(v2.path("hash").asText());

        // a new access response repeats what version 2 promises, and says so
        JsonNode information = accessResponse(school, "P-NIA");
        assertThat(information.path("privacyNotice").path("version").asInt()).isEqualTo(2);
        assertThat(information.path("privacyNotice").path("hash").asText())
                .isEqualTo(v2.path("hash").asText());
        assertThat(information.path("namedRecipients").toString()).contains("Bright Futures Tutoring");
    }

    @Test
    void twoSchoolsWithDifferentFactsGetDifferentNotices() {
        School first = School.fresh();
        School second = School.fresh();
        setUp(first, "Oakfield Primary School", "dpo@oakfield.example");
        setUp(second, "Riverside Academy", "privacy@riverside.example");
        processorAgreement(second, second.addRecipient("Harbour Sports Coaching", "PROCESSOR"), "Sports clubs");
        awaitDraft(first, "dpo@oakfield.example");
        JsonNode draft = await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> second.dpo
                                .get(second.path("/privacy-notice/draft"))
                                .json(200),
                        d -> d.toString().contains("Harbour Sports Coaching: Sports clubs")
                                && d.toString().contains("privacy@riverside.example"));
        JsonNode other = first.dpo.get(first.path("/privacy-notice/draft")).json(200);
        assertThat(other.toString()).doesNotContain("Harbour Sports Coaching").contains("Oakfield Primary School");
        assertThat(draft.toString()).doesNotContain("Oakfield");
        // an academy's parents are not promised the maintained schools' educational-record right
        assertThat(draft.path("content").path("rights").toString()).contains("Academies");
        assertThat(other.path("content").path("rights").toString()).contains("15 school days");
        JsonNode ropa = second.dpo.get(second.path("/ropa")).json(200);
        assertThat(ropa.path("rows").size()).isPositive();
        assertThat(ropa.path("schoolName").asText()).isEqualTo("Riverside Academy");
        assertThat(ropa.toString()).contains("Harbour Sports Coaching");
        assertThat(first.dpo.get(first.path("/ropa")).json(200).toString()).doesNotContain("Harbour Sports Coaching");
        assertThat(second.dpo.get(second.path("/ropa.csv")).expect(200).text()).startsWith("Business function,");

        // and their access responses repeat their own notices
        JsonNode firstV1 = first.dpo
                .post(first.path("/privacy-notice/draft/publication"), "")
                .json(201);
        JsonNode secondV1 = second.dpo
                .post(second.path("/privacy-notice/draft/publication"), "")
                .json(201);
        JsonNode firstAnswer = accessResponse(first, "P-OAK");
        JsonNode secondAnswer = accessResponse(second, "P-RIV");
        assertThat(firstAnswer.path("privacyNotice").path("hash").asText())
                .isEqualTo(firstV1.path("hash").asText());
        assertThat(secondAnswer.path("privacyNotice").path("hash").asText())
                .isEqualTo(secondV1.path("hash").asText());
        assertThat(secondAnswer.path("namedRecipients").toString()).contains("Harbour Sports Coaching");
        assertThat(firstAnswer.path("namedRecipients").toString()).doesNotContain("Harbour Sports Coaching");
    }

    /** An agreement in force from today: the recipient processes pupils' identity and assessments for a public task. */
    private static void processorAgreement(School school, String recipientId, String name) {
        ObjectNode agreement = object().put("recipientId", recipientId)
                .put("name", name)
                .put("lawfulBasis", "PUBLIC_TASK")
                .put("recipientRole", "PROCESSOR")
                .put("validFrom", LocalDate.now(Stack.LONDON).toString());
        agreement.putArray("purposes").add("processing");
        agreement.putArray("dataCategories").add("IDENTITY").add("ASSESSMENT");
        school.dpo.post(school.path("/agreements"), agreement).expect(201);
    }

    /** A parent's access request about a new pupil, answered: the response bundle's information. */
    private static JsonNode accessResponse(School school, String pupilId) {
        String guardian = "G-" + pupilId;
        school.syncRoster(
                List.of(School.pupil(pupilId, "Child", 8, 3)), List.of(School.parentOf(guardian, "MOTHER", pupilId)));
        String id = school.makeRequest(
                        school.parent(guardian), School.request("ACCESS", pupilId, "All about my child."))
                .json(201)
                .path("id")
                .asText();
        school.step(
                id,
                "identity-verification",
                object().put("decision", "NOT_REQUIRED").put("note", "portal login"));
        school.dpo.post(school.path("/requests/" + id + "/bundle"), "").json(200);
        return school.dpo
                .get(school.path("/requests/" + id + "/bundle"))
                .json(200)
                .path("information");
    }

    /** The school's profile (a maintained school unless its name says academy), and its sharing defaults seeded. */
    private static void setUp(School school, String name, String dpoEmail) {
        Api.Reply profile = school.dpo.get(school.path(""));
        String etag = profile.header("ETag").orElse("\"0\"");
        JsonNode current = profile.json(200);
        ObjectNode body = object().put("name", name)
                .put("type", name.contains("Academy") ? "ACADEMY" : "MAINTAINED")
                .put("region", "ENGLAND_AND_WALES")
                .put("dpoName", "The DPO")
                .put("dpoEmail", dpoEmail)
                .put("competenceAge", current.path("competenceAge").asInt(13))
                .put("conflictPolicy", "MOST_RESTRICTIVE")
                .put("nation", "ENGLAND");
        school.dpo.put(school.path(""), body, "If-Match", etag).expect(200);
        // the first look at the recipients seeds the statutory ones (and announces them)
        school.dpo.get(school.path("/recipients")).expect(200);
    }

    private static void awaitDraft(School school, String dpoEmail) {
        await().atMost(Duration.ofSeconds(60))
                .until(
                        () -> school.dpo
                                .get(school.path("/privacy-notice/draft"))
                                .json(200)
                                .toString(),
                        d -> d.contains(dpoEmail)
                                && d.contains("Department for Education")
                                && d.contains("PHOTO_PRESS"));
    }
}
