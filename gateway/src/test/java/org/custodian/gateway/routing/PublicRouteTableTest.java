package org.custodian.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.custodian.gateway.routing.Resolution.Outcome;
import org.custodian.gateway.support.FakeUpstreams;
import org.custodian.gateway.support.ShippedConfig;
import org.junit.jupiter.api.Test;

class PublicRouteTableTest {

    static final PublicRouteTable TABLE = new PublicRouteTable(ShippedConfig.publicResources());

    @Test
    void theShippedTableIsTheOneInTheDesign() {
        assertThat(ShippedConfig.publicResources()).isEqualTo(FakeUpstreams.PUBLIC_RESOURCES);
        assertThat(TABLE.upstreams()).containsExactly("accountability");
    }

    @Test
    void routesByTheFirstSegmentAfterTheUrnFromATableOfItsOwn() {
        assertThat(TABLE.resolve("/public/v1/schools/100001/privacy-notice"))
                .isEqualTo(new Resolution(Outcome.ROUTED, "accountability", "privacy-notice", "100001"));
        assertThat(TABLE.resolve("/public/v1/schools/100001/privacy-notice/versions/2"))
                .isEqualTo(new Resolution(Outcome.ROUTED, "accountability", "privacy-notice", "100001"));
        // retention-service's under /api/v1, accountability-service's here
        assertThat(TABLE.resolve("/public/v1/schools/100001/retention-schedule").upstream())
                .isEqualTo("accountability");
        assertThat(TABLE.upstreamOf("/public/v1/schools/{urn}/retention-schedule"))
                .contains("accountability");
        assertThat(TABLE.upstreamOf("/api/v1/schools/{urn}/retention-schedule")).isEmpty();
    }

    @Test
    void aUrnThatIsNotSixDigitsIsTold() {
        assertThat(TABLE.resolve("/public/v1/schools/10001/privacy-notice"))
                .isEqualTo(new Resolution(Outcome.BAD_URN, null, null, "10001"));
    }

    @Test
    void everythingElseIsNotRouted() {
        for (String path : List.of(
                "/public/v1/schools/100001",
                "/public/v1/schools/100001/",
                "/public/v1/schools/100001/pupils",
                "/public/v1/schools/100001/ropa",
                "/public/v1/schools",
                "/public/v1/trusts/T-1/privacy-notice",
                "/public/v2/schools/100001/privacy-notice",
                "/public/",
                "/api/v1/schools/100001/privacy-notice")) {
            assertThat(TABLE.resolve(path).outcome()).as(path).isEqualTo(Outcome.NOT_FOUND);
        }
    }

    @Test
    void aResourceClaimedTwiceIsRefused() {
        assertThatThrownBy(() -> new PublicRouteTable(Map.of("a", List.of("x"), "b", List.of("x"))))
                .hasMessageContaining("'x' is claimed by both");
    }

    @Property
    void anyPathUnderAPublicResourceGoesToItsUpstream(
            @ForAll("urns") String urn, @ForAll("resources") String resource, @ForAll("tails") String tail) {
        Resolution resolution = TABLE.resolve("/public/v1/schools/" + urn + "/" + resource + tail);
        assertThat(resolution.outcome()).isEqualTo(Outcome.ROUTED);
        assertThat(resolution.upstream()).isEqualTo("accountability");
        assertThat(resolution.urn()).isEqualTo(urn);
    }

    @Provide
    Arbitrary<String> urns() {
        return Arbitraries.strings().numeric().ofLength(6);
    }

    @Provide
    Arbitrary<String> resources() {
        return Arbitraries.of(FakeUpstreams.PUBLIC_RESOURCES.get("accountability"));
    }

    @Provide
    Arbitrary<String> tails() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('-', '.', '0', '9')
                .ofMinLength(1)
                .ofMaxLength(8)
                .list()
                .ofMaxSize(4)
                .map(segments -> segments.isEmpty() ? "" : "/" + String.join("/", segments));
    }
}
