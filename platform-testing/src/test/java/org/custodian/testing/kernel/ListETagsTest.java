package org.custodian.testing.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

/** Issue 17: every list carries a strong ETag over its body and answers a matching If-None-Match with 304. */
@KernelTest
class ListETagsTest {

    private static final String SCHOOL = "300231";
    private static final String PROBES = "/api/v1/schools/" + SCHOOL + "/probes";
    private final String token = TestTokens.bearer("dpo", SCHOOL);

    private void create(String name, String colour) {
        given().header("Authorization", token)
                .contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"colour\":\"" + colour + "\"}")
                .post(PROBES)
                .then()
                .statusCode(201);
    }

    private Response list(String url, String ifNoneMatch) {
        var request = given().header("Authorization", token);
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return request.get(url);
    }

    @Test
    void aPageCarriesAStrongETagAndAMatchingIfNoneMatchIs304WithoutABody() {
        create("e1", "RED");
        Response first = list(PROBES, null);
        assertThat(first.statusCode()).isEqualTo(200);
        String tag = first.header("ETag");
        assertThat(tag).matches("\"[A-Za-z0-9_-]{22}\"");
        assertThat(list(PROBES, null).header("ETag"))
                .as("the same list, the same tag")
                .isEqualTo(tag);

        Response unchanged = list(PROBES, tag);
        assertThat(unchanged.statusCode()).isEqualTo(304);
        assertThat(unchanged.asByteArray()).isEmpty();
        assertThat(unchanged.header("ETag")).isEqualTo(tag);
        assertThat(list(PROBES, "\"other\", " + tag).statusCode())
                .as("one of several")
                .isEqualTo(304);
        assertThat(list(PROBES, "W/" + tag).statusCode()).as("weak comparison").isEqualTo(304);
        assertThat(list(PROBES, "*").statusCode()).isEqualTo(304);

        create("e2", "BLUE");
        Response changed = list(PROBES, tag);
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(tag);
        assertThat(changed.jsonPath().getList("items.name")).contains("e1", "e2");
        assertThat(changed.contentType()).startsWith("application/json");
    }

    @Test
    void theTagIsOverTheWholeBodySoAnotherPageHasAnotherTag() {
        create("p1", "RED");
        create("p2", "GREEN");
        Response page1 = list(PROBES + "?limit=1", null);
        String cursor = page1.jsonPath().getString("nextCursor");
        Response page2 = list(PROBES + "?limit=1&cursor=" + cursor, page1.header("ETag"));
        assertThat(page2.statusCode()).isEqualTo(200);
        assertThat(page2.header("ETag")).isNotEqualTo(page1.header("ETag"));
    }

    @Test
    void aListOfItsOwnShapeOptsIn() {
        create("c1", "GREEN");
        Response first = list(PROBES + "/colours", null);
        assertThat(first.statusCode()).isEqualTo(200);
        assertThat(first.header("ETag")).isNotBlank();
        assertThat(list(PROBES + "/colours", first.header("ETag")).statusCode()).isEqualTo(304);
    }

    @Test
    void anAnswerThatIsNotAListGetsNoTagAndAnErrorNever() {
        given().header("Authorization", token)
                .contentType("application/json")
                .body("{\"name\":\"one\",\"colour\":\"RED\"}")
                .post(PROBES)
                .then()
                .statusCode(201)
                .header("ETag", (String) null);
        Response refused = list(PROBES + "?limit=0", "*");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.header("ETag")).isNull();
    }

    @Test
    void theDocumentSaysSoForEveryList() {
        JsonPath document = given().get("/q/openapi?format=json")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        for (String list : new String[] {"/api/v1/schools/{urn}/probes", "/api/v1/schools/{urn}/probes/colours"}) {
            String get = "paths.'" + list + "'.get";
            assertThat(document.getString(get + ".responses.'200'.headers.ETag.description"))
                    .as(list)
                    .contains("If-None-Match");
            assertThat(document.getString(get + ".responses.'304'.description"))
                    .as(list)
                    .startsWith("Not modified");
            assertThat(document.getString(get + ".parameters.find { it.name == 'If-None-Match' }.in"))
                    .as(list)
                    .isEqualTo("header");
            assertThat(document.getMap(get)).as(list).doesNotContainKey("x-custodian-list-etag");
            assertThat(document.getMap(get + ".responses")).as(list).doesNotContainKey("x-custodian-list-etag");
            assertThat(document.getMap(get + ".responses.'200'")).as(list).doesNotContainKey("x-custodian-list-etag");
        }
        assertThat(document.getString("paths.'/api/v1/schools/{urn}/probes/{id}'.get.responses.'304'"))
                .isNull();
    }
}
