package org.custodian.testing;

import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.Response;

/** The headers every answer carries (issue 16, finding 14), asserted the same way by each service and the gateway. */
public final class AnswerHeaders {

    private AnswerHeaders() {}

    /** An answer of the API: never stored by a browser or a shared cache, never content-sniffed. */
    public static void assertNotStoredOrSniffed(Response response, String what) {
        assertThat(response.header("Cache-Control")).as(what).isEqualTo("no-store");
        assertNotSniffed(response, what);
    }

    /** Any answer: its content type is the one it states. */
    public static void assertNotSniffed(Response response, String what) {
        assertThat(response.header("X-Content-Type-Options")).as(what).isEqualTo("nosniff");
    }
}
