package org.custodian.gateway.ratelimit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuthFailureLimitTest {

    @Test
    void anIpv4AddressCountsOnItsOwn() {
        assertThat(AuthFailureLimit.clientKey("203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(AuthFailureLimit.clientKey("203.0.113.8")).isNotEqualTo(AuthFailureLimit.clientKey("203.0.113.7"));
    }

    @Test
    void anIpv6AddressCountsByItsSlash64() {
        assertThat(AuthFailureLimit.clientKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(AuthFailureLimit.clientKey("2001:db8:1:2:ffff:ffff:ffff:ffff"))
                .isEqualTo("2001:db8:1:2:0:0:0:0/64");
        assertThat(AuthFailureLimit.clientKey("2001:db8:1:3::1"))
                .isNotEqualTo(AuthFailureLimit.clientKey("2001:db8:1:2::1"));
    }

    @Test
    void somethingElseCountsAsItIs() {
        assertThat(AuthFailureLimit.clientKey("not:an:address:at:all:x:y:z:w"))
                .isEqualTo("not:an:address:at:all:x:y:z:w");
        assertThat(AuthFailureLimit.clientKey((String) null)).isEqualTo("null");
    }
}
