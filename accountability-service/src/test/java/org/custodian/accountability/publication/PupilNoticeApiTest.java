package org.custodian.accountability.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import java.util.List;
import org.custodian.accountability.AccountabilityTest;
import org.custodian.accountability.testing.AccountabilitySchool;
import org.junit.jupiter.api.Test;

/** The notice for pupils through HTTP: made from the published version only, as a page or JSON, with ETags. */
@AccountabilityTest
class PupilNoticeApiTest {

    @Test
    void thePupilsVersionIsMadeFromThePublishedNoticeOnly() {
        AccountabilitySchool school = AccountabilitySchool.newSchool().setUp();
        String path = "/public/v1/schools/" + school.urn + "/privacy-notice/for-pupils";
        given().get(path).then().statusCode(404).contentType("application/problem+json");
        given().accept("application/json").get(path).then().statusCode(404);
        school.publish();

        String etag = given().get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"))
                .header("Cache-Control", containsString("max-age"))
                .body(containsString("<html lang=\"en-GB\">"))
                .body(containsString("<h1>How we look after your information</h1>"))
                .body(containsString("Cassiobury Infant School. Version 1"))
                .body(containsString("Photos on the school website."))
                .body(containsString("You can change your mind at any time."))
                .body(containsString("Department for Education. The law says we must tell them."))
                .body(containsString("Our data protection officer, Carole Smith."))
                .body(containsString("href=\"/public/v1/schools/" + school.urn + "/privacy-notice\""))
                .extract()
                .header("ETag");
        assertThat(etag).endsWith("-pupils-html\"");
        given().header("If-None-Match", etag).get(path).then().statusCode(304);

        // a recipient not yet in the published notice is not in the pupils' version either
        school.recipient("r-wonde", "Wonde", "PROCESSOR", "EDTECH", 1);
        school.awaitFact("RECIPIENT", "r-wonde", 1);
        given().get(path).then().statusCode(200).body(not(containsString("Wonde")));

        given().accept("application/json")
                .get(path)
                .then()
                .statusCode(200)
                .header("ETag", is(etag.replace("-pupils-html", "-pupils-json")))
                .body("version", is(1))
                .body("schoolName", is("Cassiobury Infant School"))
                .body("parts.id", hasItem("yes-or-no"))
                .body("parts.find { it.id == 'yes-or-no' }.points", is(List.of("Photos on the school website.")))
                .body("parts.find { it.id == 'your-rights' }.points", hasItem("Ask to see what we know about you."))
                .body("$", not(org.hamcrest.Matchers.hasKey("publishedBy")));
        school.publish();
        given().get(path).then().statusCode(200).body(containsString("Wonde helps us run the school."));
    }
}
