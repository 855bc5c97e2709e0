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

    /** Issue 16, finding 9: the Location is the public path, the first time and on a replay, and so is what is kept. */
    @Test
    void theLocationIsThePublicPathTheFirstTimeAndOnAReplay() {
        String key = UUID.randomUUID().toString();
        Response first = create(key, "located-" + key);
        Response again = create(key, "located-" + key);

        String path = PROBES + "/" + first.jsonPath().getLong("id");
        assertThat(first.header("Location")).isEqualTo(path);
        assertThat(again.header("Location")).isEqualTo(path);
        assertThat(Rows.count("SELECT count(*) FROM idempotency_key WHERE idem_key = ? AND location = ?", key, path))
                .isEqualTo(1);
    }

    /**
     * Issue 16, finding 3: an answer's secrets (here at two depths) are shown once. The idempotency store keeps the
     * answer without them, and a replay answers without them and names them.
     */
    @Test
    void aReplayAnswersWithoutTheSecretsAndNoneIsStored() {
        long probe = create(UUID.randomUUID().toString(), "keyed").jsonPath().getLong("id");
        String key = UUID.randomUUID().toString();
        Response first = issueKey(probe, key);
        Response again = issueKey(probe, key);

        assertThat(first.statusCode()).isEqualTo(201);
        String secret = first.jsonPath().getString("secret");
        String token = first.jsonPath().getString("grant.token");
        assertThat(secret).startsWith("pks_");
        assertThat(token).startsWith("pkt_");
        assertThat(first.header("Idempotent-Replay-Omitted")).isNull();

        assertThat(again.statusCode()).isEqualTo(201);
        assertThat(again.header("Idempotent-Replayed")).isEqualTo("true");
        assertThat(again.header("Idempotent-Replay-Omitted")).isEqualTo("secret,token");
        assertThat(again.asString()).doesNotContain(secret).doesNotContain(token);
        assertThat(again.jsonPath().getMap("$")).doesNotContainKey("secret");
        assertThat(again.jsonPath().getMap("grant")).doesNotContainKey("token");
        assertThat(again.jsonPath().getString("id")).isEqualTo(first.jsonPath().getString("id"));
        assertThat(again.jsonPath().getString("grant.scope")).isEqualTo("read");
        assertThat(again.header("Location"))
                .isEqualTo(first.header("Location"))
                .isEqualTo(PROBES + "/" + probe + "/keys/" + first.jsonPath().getString("id"));
        assertThat(Rows.count(
                        "SELECT count(*) FROM idempotency_key k WHERE strpos(k::text, ?) > 0 OR strpos(k::text, ?) > 0",
                        secret,
                        token))
                .isZero();
    }

    private Response issueKey(long probe, String key) {
        return given().header("Authorization", token)
                .header("Idempotency-Key", key)
                .contentType("application/json")
                .body("{\"label\":\"ci\"}")
                .post(PROBES + "/" + probe + "/keys");
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
