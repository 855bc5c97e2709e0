package org.custodian.gateway.http;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.api.Test;

class RequestIdsTest {

    @Test
    void saneIdsAreKept() {
        assertThat(RequestIds.accept("abc-123")).isEqualTo("abc-123");
        assertThat(RequestIds.accept("mis:sync.2026_11_28")).isEqualTo("mis:sync.2026_11_28");
        assertThat(RequestIds.accept("x".repeat(128))).hasSize(128);
    }

    @Test
    void othersAreReplaced() {
        assertThat(RequestIds.accept(null)).hasSize(36);
        assertThat(RequestIds.accept("")).hasSize(36);
        assertThat(RequestIds.accept("x".repeat(129))).hasSize(36);
        assertThat(RequestIds.accept("a b")).isNotEqualTo("a b");
        assertThat(RequestIds.accept("id\r\nSet-Cookie: x")).doesNotContain("\n");
    }

    @Property
    void whateverIsOfferedTheIdIsSafeToEchoInAHeader(@ForAll String offered) {
        assertThat(RequestIds.accept(offered)).matches("[A-Za-z0-9._:-]{1,128}");
    }
}
