package org.custodian.testing.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import org.custodian.platform.pagination.ListCursors;
import org.custodian.testing.TamperedCursors;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@KernelTest
class PaginationTest {

    private static final String SCHOOL = "300201";
    private static final String PROBES = "/api/v1/schools/" + SCHOOL + "/probes";
    private final String token = TestTokens.bearer("dpo", SCHOOL);

    @Test
    void pagesThroughEverythingWithOpaqueCursors() {
        List<Long> created = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            created.add(given().header("Authorization", token)
                    .contentType("application/json")
                    .body("{\"name\":\"p" + i + "\",\"colour\":\"RED\"}")
                    .post(PROBES)
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id"));
        }
        List<Long> seen = new ArrayList<>();
        List<Integer> sizes = new ArrayList<>();
        String cursor = null;
        do {
            var request = given().header("Authorization", token).queryParam("limit", 3);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get(PROBES).then().statusCode(200).extract().jsonPath();
            List<Long> ids = page.getList("items.id", Long.class);
            sizes.add(ids.size());
            seen.addAll(ids);
            cursor = page.getString("nextCursor");
        } while (cursor != null);

        assertThat(seen).containsExactlyElementsOf(created);
        assertThat(sizes).containsExactly(3, 3, 1);
    }

    @Test
    void limitAboveTheMaximumIsRefused() {
        given().header("Authorization", token)
                .queryParam("limit", 501)
                .get(PROBES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    /**
     * Issue 16, finding 8: a cursor is sealed with the configured keys for its list, named by its OpenAPI key, so another
     * replica holding the same keys (here: the test) opens it and seals ones the service takes, and another list
     * refuses it with the same 400.
     */
    @Test
    void aCursorIsSealedForItsListWithTheConfiguredKeys() {
        String school = "300203";
        String dpo = TestTokens.bearer("dpo", school);
        String probes = "/api/v1/schools/" + school + "/probes";
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            ids.add(given().header("Authorization", dpo)
                    .contentType("application/json")
                    .body("{\"name\":\"s" + i + "\",\"colour\":\"RED\"}")
                    .post(probes)
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id"));
        }
        String cursor = given().header("Authorization", dpo)
                .queryParam("limit", 1)
                .get(probes)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("nextCursor");
        ListCursors list = TamperedCursors.keys().forList("GET /api/v1/schools/{urn}/probes");
        assertThat(list.open(cursor)).containsExactly(Long.toString(ids.get(0)));

        JsonPath afterSecond = given().header("Authorization", dpo)
                .queryParam("cursor", list.issue(List.of(Long.toString(ids.get(1)))))
                .get(probes)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(afterSecond.getList("items.id", Long.class)).containsExactly(ids.get(2), ids.get(3));

        JsonPath refused = given().header("Authorization", dpo)
                .queryParam("cursor", cursor)
                .get("/api/v1/schools/" + school + "/audit/kernel")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .extract()
                .jsonPath();
        assertThat(refused.getList("errors.field", String.class)).containsExactly("cursor");
    }

    @Test
    void aCursorThisServiceDidNotIssueIsRefused() {
        given().header("Authorization", token)
                .queryParam("cursor", "bm9wZQ")
                .get(PROBES)
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void theDefaultPageIsFifty() {
        String school = "300202";
        String dpo = TestTokens.bearer("dpo", school);
        for (int i = 0; i < 51; i++) {
            given().header("Authorization", dpo)
                    .contentType("application/json")
                    .body("{\"name\":\"d" + i + "\",\"colour\":\"RED\"}")
                    .post("/api/v1/schools/" + school + "/probes")
                    .then()
                    .statusCode(201);
        }
        JsonPath page = given().header("Authorization", dpo)
                .get("/api/v1/schools/" + school + "/probes")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(page.getList("items")).hasSize(50);
        assertThat(page.getString("nextCursor")).isNotBlank();
    }
}
