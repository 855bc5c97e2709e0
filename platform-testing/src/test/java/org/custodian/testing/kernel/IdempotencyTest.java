package org.custodian.testing.kernel;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@KernelTest
class IdempotencyTest {

    private static final String SCHOOL = "300101";
    private static final String PROBES = "/api/v1/schools/" + SCHOOL + "/probes";
    private final String token = TestTokens.role("school-admin")
            .school(SCHOOL)
            .subject("admin-" + UUID.randomUUID())
            .bearer();

    private Response create(String key, String name) {
        return given().header("Authorization", token)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body("{\"name\":\"" + name + "\",\"colour\":\"BLUE\"}")
                .post(PROBES);
    }

    private static long stored(String name) {
        return Rows.count("SELECT count(*) FROM probe WHERE school_urn = ? AND name = ?", SCHOOL, name);
    }

    @Test
    void sameKeyAndBodyReturnsTheFirstResponseAndCreatesOnce() {
        String key = UUID.randomUUID().toString();
        String name = "once-" + key;
        Response first = create(key, name);
        Response again = create(key, name);

        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.jsonPath().getLong("id")).isEqualTo(first.jsonPath().getLong("id"));
        assertThat(again.header("Location")).isEqualTo(first.header("Location"));
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(stored(name)).isEqualTo(1);
        assertThat(Rows.count("SELECT count(*) FROM outbox_event WHERE payload LIKE ?", "%" + name + "%"))
                .isEqualTo(1);
    }

    @Test
    void sameKeyWithADifferentBodyIsAConflict() {
        String key = UUID.randomUUID().toString();
        create(key, "first-" + key).then().statusCode(201);
        create(key, "second-" + key)
                .then()
                .statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("different request"));
        assertThat(stored("second-" + key)).isZero();
    }

    @Test
    void keysBelongToTheCaller() {
        String key = UUID.randomUUID().toString();
        create(key, "mine-" + key).then().statusCode(201);
        given().header(
                        "Authorization",
                        TestTokens.role("school-admin")
                                .school(SCHOOL)
                                .subject("someone-else")
                                .bearer())
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body("{\"name\":\"theirs-" + key + "\",\"colour\":\"BLUE\"}")
                .post(PROBES)
                .then()
                .statusCode(201);
        assertThat(stored("theirs-" + key)).isEqualTo(1);
    }

    @Test
    void withoutAKeyEachPostCreates() {
        String name = "twice-" + UUID.randomUUID();
        for (int i = 0; i < 2; i++) {
            given().header("Authorization", token)
                    .contentType("application/json")
                    .body("{\"name\":\"" + name + "\",\"colour\":\"RED\"}")
                    .post(PROBES)
                    .then()
                    .statusCode(201);
        }
        assertThat(stored(name)).isEqualTo(2);
    }

    @Test
    void aBadKeyIsRefused() {
        create("has spaces in it", "bad-key").then().statusCode(400).contentType("application/problem+json");
        assertThat(stored("bad-key")).isZero();
    }

    @Test
    void concurrentRetriesCreateOnce() throws Exception {
        String key = UUID.randomUUID().toString();
        String name = "race-" + key;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Callable<Response>> calls = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                calls.add(() -> create(key, name));
            }
            List<Long> ids = new ArrayList<>();
            for (Future<Response> f : pool.invokeAll(calls)) {
                Response r = f.get();
                assertThat(r.statusCode()).isEqualTo(201);
                ids.add(r.jsonPath().getLong("id"));
            }
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(stored(name)).isEqualTo(1);
    }
}
