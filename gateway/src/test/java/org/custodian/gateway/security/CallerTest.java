package org.custodian.gateway.security;

import jakarta.json.Json;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CallerTest {

    @Test
    void schoolsComeFromAnArrayOfStrings() {
        assertThat(Caller.schools(Json.createArrayBuilder().add("100001").add("100002").build()))
                .containsExactlyInAnyOrder("100001", "100002");
        assertThat(Caller.schools(List.of("100001"))).containsExactly("100001");
    }

    @Test
    void anythingElseGrantsNoSchool() {
        assertThat(Caller.schools(null)).isEmpty();
        assertThat(Caller.schools("100001")).isEmpty();
        assertThat(Caller.schools(Json.createArrayBuilder().add(100001).build())).isEmpty();
        assertThat(Caller.schools(Json.createObjectBuilder().add("100001", true).build())).isEmpty();
    }
}
