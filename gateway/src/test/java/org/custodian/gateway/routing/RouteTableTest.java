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

class RouteTableTest {

    static final RouteTable TABLE =
            new RouteTable(ShippedConfig.resources(), ShippedConfig.auditLogs(), "consent", "consent");

    @Test
    void theShippedTableIsTheOneInTheDesign() {
        assertThat(ShippedConfig.resources()).isEqualTo(Map.copyOf(FakeUpstreams.RESOURCES));
        assertThat(ShippedConfig.auditLogs()).isEqualTo(FakeUpstreams.AUDIT_LOGS);
        assertThat(TABLE.upstreams()).containsExactly("accountability", "consent", "retention", "sar", "sharing");
    }

    @Test
    void theRecordOfProcessingAsAFileIsAResourceOfItsOwn() {
        assertThat(TABLE.resolve("/api/v1/schools/100001/ropa.csv"))
                .isEqualTo(new Resolution(Outcome.ROUTED, "accountability", "ropa.csv", "100001"));
        assertThat(TABLE.resolve("/api/v1/schools/100001/ropa.pdf"))
                .isEqualTo(new Resolution(Outcome.ROUTED, "accountability", "ropa.pdf", "100001"));
        assertThat(TABLE.resolve("/api/v1/schools/100001/ropa/activities/A-1"))
                .isEqualTo(new Resolution(Outcome.ROUTED, "accountability", "ropa", "100001"));
        assertThat(TABLE.resolve("/api/v1/schools/100001/privacy-notice/versions/3"))
                .isEqualTo(new Resolution(Outcome.ROUTED, "accountability", "privacy-notice", "100001"));
        assertThat(TABLE.upstreamOf("/api/v1/schools/{urn}/ropa.csv")).contains("accountability");
        for (String path : List.of("/api/v1/schools/100001/ropa.json", "/api/v1/schools/100001/ropa.csvx")) {
            assertThat(TABLE.resolve(path).outcome()).as(path).isEqualTo(Outcome.NOT_FOUND);
        }
    }

    @Test
    void aTrustsViewGoesToItsServiceUnderNoSchool() {
        RouteTable table = new RouteTable(
                ShippedConfig.resources(),
                ShippedConfig.auditLogs(),
                "consent",
                "consent",
                "sharing",
                "accountability");
        assertThat(table.resolve("/api/v1/trusts/T-1/overview"))
                .isEqualTo(new Resolution(Outcome.ROUTED, "accountability", "trusts", null));
        assertThat(table.resolve("/api/v1/trusts").upstream()).isEqualTo("accountability");
        assertThat(table.upstreamOf("/api/v1/trusts/{trustId}/schools")).contains("accountability");
        assertThat(table.upstreams()).contains("accountability");
        // a table without a trust upstream routes none of it
        assertThat(TABLE.resolve("/api/v1/trusts/T-1/overview").outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(table.resolve("/api/v1/trustsx/T-1").outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void routesByTheFirstSegmentAfterTheUrn() {
        assertThat(TABLE.resolve("/api/v1/schools/100001/pupils/P1/consents"))
                .isEqualTo(new Resolution(Outcome.ROUTED, "consent", "pupils", "100001"));
        assertThat(TABLE.resolve("/api/v1/schools/100001/disposal-batches"))
                .isEqualTo(new Resolution(Outcome.ROUTED, "retention", "disposal-batches", "100001"));
        assertThat(TABLE.resolve("/api/v1/schools/100001"))
                .isEqualTo(new Resolution(Outcome.ROUTED, "consent", "", "100001"));
        assertThat(TABLE.resolve("/api/v1/me")).isEqualTo(new Resolution(Outcome.ROUTED, "consent", "me", null));
    }

    @Test
    void aPartnersOwnReadsGoToTheirServiceUnderNoSchool() {
        RouteTable table =
                new RouteTable(ShippedConfig.resources(), ShippedConfig.auditLogs(), "consent", "consent", "sharing");
        assertThat(table.resolve("/api/v1/partners/me/actions"))
                .isEqualTo(new Resolution(Outcome.ROUTED, "sharing", "partners", null));
        assertThat(table.resolve("/api/v1/partners/me/deliveries/D-1").upstream())
                .isEqualTo("sharing");
        assertThat(table.resolve("/api/v1/partners/me").outcome()).isEqualTo(Outcome.ROUTED);
        assertThat(table.upstreamOf("/api/v1/partners/me/recipients")).contains("sharing");
        for (String path : List.of("/api/v1/partners", "/api/v1/partners/", "/api/v1/partners/P-1/actions")) {
            assertThat(table.resolve(path).outcome()).as(path).isEqualTo(Outcome.NOT_FOUND);
        }
        // a table without a partner upstream routes none of it
        assertThat(TABLE.resolve("/api/v1/partners/me/actions").outcome()).isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void auditLogsGoByTheirName() {
        assertThat(TABLE.resolve("/api/v1/schools/100001/audit/requests").upstream())
                .isEqualTo("sar");
        assertThat(TABLE.resolve("/api/v1/schools/100001/audit/retention/verification")
                        .upstream())
                .isEqualTo("retention");
        assertThat(TABLE.resolve("/api/v1/schools/100001/audit").outcome()).isEqualTo(Outcome.NOT_FOUND);
        assertThat(TABLE.resolve("/api/v1/schools/100001/audit/pupils").outcome())
                .isEqualTo(Outcome.NOT_FOUND);
    }

    @Test
    void everythingElseIsNotRouted() {
        for (String path : List.of(
                "/internal/v1/schools/100001/subjects/P1",
                "/api/v1/schools",
                "/api/v1/",
                "/api/v1/schools/100001/",
                "/api/v1/schools/100001//pupils",
                "/api/v2/schools/100001/pupils",
                "/api/v1/pupils",
                "/q/health")) {
            assertThat(TABLE.resolve(path).outcome()).as(path).isEqualTo(Outcome.NOT_FOUND);
        }
    }

    @Test
    void documentedPathTemplatesAreMatchedToTheirService() {
        assertThat(TABLE.upstreamOf("/api/v1/schools/{urn}/requests/{id}")).contains("sar");
        assertThat(TABLE.upstreamOf("/api/v1/schools/{schoolUrn}")).contains("consent");
        assertThat(TABLE.upstreamOf("/internal/v1/schools/{urn}/subjects/{pupilId}"))
                .isEmpty();
    }

    @Test
    void aResourceClaimedTwiceOrReservedIsRefused() {
        assertThatThrownBy(() -> new RouteTable(Map.of("a", List.of("x"), "b", List.of("x")), Map.of(), "a", "a"))
                .hasMessageContaining("'x' is claimed by both");
        assertThatThrownBy(() -> new RouteTable(Map.of("a", List.of("audit")), Map.of(), "a", "a"))
                .hasMessageContaining("cannot be configured");
    }

    @Property
    void anyPathUnderAConfiguredResourceGoesToItsUpstream(
            @ForAll("urns") String urn, @ForAll("resources") String resource, @ForAll("tails") String tail) {
        Resolution resolution = TABLE.resolve("/api/v1/schools/" + urn + "/" + resource + tail);
        assertThat(resolution.outcome()).isEqualTo(Outcome.ROUTED);
        assertThat(resolution.upstream())
                .isEqualTo(FakeUpstreams.resourceServices().get(resource));
        assertThat(resolution.urn()).isEqualTo(urn);
    }

    @Property
    void aUrnThatIsNotSixDigitsIsNeverRouted(@ForAll("badUrns") String urn, @ForAll("resources") String resource) {
        assertThat(TABLE.resolve("/api/v1/schools/" + urn + "/" + resource).outcome())
                .isEqualTo(Outcome.BAD_URN);
    }

    @Provide
    Arbitrary<String> urns() {
        return Arbitraries.strings().numeric().ofLength(6);
    }

    @Provide
    Arbitrary<String> badUrns() {
        return Arbitraries.oneOf(
                Arbitraries.strings().numeric().ofMinLength(0).ofMaxLength(5),
                Arbitraries.strings().numeric().ofMinLength(7).ofMaxLength(12),
                Arbitraries.strings()
                        .withCharRange('a', 'z')
                        .withChars('-', '%', '.')
                        .ofLength(6));
    }

    @Provide
    Arbitrary<String> resources() {
        return Arbitraries.of(FakeUpstreams.resourceServices().keySet());
    }

    @Provide
    Arbitrary<String> tails() {
        return Arbitraries.strings()
                .withCharRange('a', 'z')
                .withChars('-', '0', '9')
                .ofMinLength(1)
                .ofMaxLength(8)
                .list()
                .ofMaxSize(4)
                .map(segments -> segments.isEmpty() ? "" : "/" + String.join("/", segments));
    }
}
