package org.custodian.gateway.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class StartupChecksTest {

    @Test
    void aWildcardOriginWithCredentialsIsRefused() {
        assertThat(StartupChecks.corsProblem(List.of("*"), true)).isPresent();
        assertThat(StartupChecks.corsProblem(List.of("https://a.example", " * "), true))
                .isPresent();
    }

    @Test
    void listedOriginsOrNoCredentialsAreFine() {
        assertThat(StartupChecks.corsProblem(List.of("https://a.example"), true))
                .isEmpty();
        assertThat(StartupChecks.corsProblem(List.of("*"), false)).isEmpty();
    }

    @Test
    void aGatewayThatWouldTrustServiceTokensIsRefused() {
        assertThat(StartupChecks.serviceTokenProblem(true)).isPresent();
        assertThat(StartupChecks.serviceTokenProblem(false)).isEmpty();
    }
}
