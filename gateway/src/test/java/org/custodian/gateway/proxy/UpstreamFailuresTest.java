package org.custodian.gateway.proxy;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.channel.ConnectTimeoutException;
import io.vertx.core.VertxException;
import io.vertx.core.http.StreamResetException;
import java.net.ConnectException;
import java.util.concurrent.TimeoutException;
import org.junit.jupiter.api.Test;

class UpstreamFailuresTest {

    @Test
    void timeoutsAre504RefusalsAre503AndTheRest502() {
        assertThat(UpstreamFailures.status(new TimeoutException("idle"))).isEqualTo(504);
        assertThat(UpstreamFailures.status(new ConnectTimeoutException("connect timed out")))
                .isEqualTo(504);
        assertThat(UpstreamFailures.status(new VertxException(new TimeoutException("wrapped"))))
                .isEqualTo(504);
        assertThat(UpstreamFailures.status(new ConnectException("Connection refused")))
                .isEqualTo(503);
        assertThat(UpstreamFailures.status(new StreamResetException(0))).isEqualTo(502);
        assertThat(UpstreamFailures.status(new VertxException("Connection was closed")))
                .isEqualTo(502);
    }

    @Test
    void theDetailNamesTheUpstream() {
        assertThat(UpstreamFailures.detail("sar", 504)).isEqualTo("sar did not answer in time");
        assertThat(UpstreamFailures.detail("sar", 503)).isEqualTo("sar is not accepting connections");
        assertThat(UpstreamFailures.detail("sar", 502)).isEqualTo("sar did not answer properly");
    }
}
