package org.custodian.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.vertx.core.MultiMap;
import org.junit.jupiter.api.Test;

class HeadersTest {

    @Test
    void hopByHopHeadersGoAndEndToEndOnesStay() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Connection", "keep-alive, X-One")
                .add("connection", "x-two")
                .add("X-One", "1")
                .add("X-Two", "2")
                .add("Keep-Alive", "timeout=5")
                .add("TE", "trailers")
                .add("Trailer", "X-Sum")
                .add("Transfer-Encoding", "chunked")
                .add("Upgrade", "websocket")
                .add("Proxy-Authorization", "Basic x")
                .add("Proxy-Connection", "close")
                .add("Authorization", "Bearer t")
                .add("Content-Type", "application/json")
                .add("X-Three", "3");
        Headers.stripHopByHop(headers);
        assertThat(headers.names()).containsExactlyInAnyOrder("Authorization", "Content-Type", "X-Three");
    }

    @Test
    void aPublicRequestLosesTheCallersCredentialsOnly() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("authorization", "Bearer stale")
                .add("Cookie", "session=1")
                .add("cookie", "theme=dark")
                .add("Accept", "text/html")
                .add("If-None-Match", "\"v3\"");
        Headers.dropCredentials(headers);
        assertThat(headers.names()).containsExactlyInAnyOrder("Accept", "If-None-Match");
    }

    @Test
    void upstreamResponsesLoseWhatTheGatewayOwns() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Access-Control-Allow-Origin", "*")
                .add("access-control-allow-credentials", "true")
                .add("X-Request-Id", "from-upstream")
                .add("Keep-Alive", "timeout=5")
                .add("ETag", "\"v3\"")
                .add("Location", "/api/v1/schools/100001/pupils/P1");
        Headers.forResponse(headers);
        assertThat(headers.names()).containsExactlyInAnyOrder("ETag", "Location");
    }

    /** Issue 16, finding 9: an upstream's absolute Location becomes the public path; a path stays as it is. */
    @Test
    void anUpstreamsAddressLeavesNoTraceInLocation() {
        MultiMap headers = MultiMap.caseInsensitiveMultiMap()
                .add("Location", "http://127.0.0.1:8081/api/v1/schools/100001/purposes/TRIPS?x=1#top")
                .add("Content-Location", "//sharing-service:8080/api/v1/schools/100001/recipients/R1");
        Headers.forResponse(headers);
        assertThat(headers.get("Location")).isEqualTo("/api/v1/schools/100001/purposes/TRIPS?x=1");
        assertThat(headers.get("Content-Location")).isEqualTo("/api/v1/schools/100001/recipients/R1");

        MultiMap path = MultiMap.caseInsensitiveMultiMap().add("Location", "/api/v1/schools/100001/pupils/P1");
        Headers.forResponse(path);
        assertThat(path.get("Location")).isEqualTo("/api/v1/schools/100001/pupils/P1");
        assertThat(Headers.publicPath("http://[::1]:8083")).isEqualTo("/");
        assertThat(Headers.publicPath("http://bad host/x")).isEqualTo("/");
    }
}
