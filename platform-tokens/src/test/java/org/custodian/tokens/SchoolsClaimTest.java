package org.custodian.tokens;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SchoolsClaimTest {

    @Test
    void anArrayOfStringsIsTheSchools() {
        assertThat(SchoolsClaim.parse(
                        Json.createArrayBuilder().add("100001").add("100002").build()))
                .contains(Set.of("100001", "100002"));
        assertThat(SchoolsClaim.parse(List.of("100001"))).contains(Set.of("100001"));
        assertThat(SchoolsClaim.parse(Json.createArrayBuilder().build())).contains(Set.of());
    }

    @Test
    void noClaimIsNoSchool() {
        assertThat(SchoolsClaim.parse(null)).contains(Set.of());
    }

    @Test
    void aBareStringIsMalformedNotOneSchool() {
        assertThat(SchoolsClaim.parse("100001")).isEmpty();
        assertThat(SchoolsClaim.parse(Json.createValue("100001"))).isEmpty();
    }

    @Test
    void anythingButStringsInTheArrayIsMalformed() {
        assertThat(SchoolsClaim.parse(
                        Json.createArrayBuilder().add("100001").add(100002).build()))
                .isEmpty();
        assertThat(SchoolsClaim.parse(Json.createArrayBuilder()
                        .add(Json.createArrayBuilder().add("100001"))
                        .build()))
                .isEmpty();
        assertThat(SchoolsClaim.parse(Json.createArrayBuilder().addNull().build()))
                .isEmpty();
        assertThat(SchoolsClaim.parse(
                        Json.createObjectBuilder().add("100001", true).build()))
                .isEmpty();
        assertThat(SchoolsClaim.parse(100001)).isEmpty();
        assertThat(SchoolsClaim.parse(Optional.of("100001"))).isEmpty();
    }
}
