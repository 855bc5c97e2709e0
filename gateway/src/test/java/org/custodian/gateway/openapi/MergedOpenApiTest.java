package org.custodian.gateway.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MergedOpenApiTest {

    /** The order decides which service keeps a component's name when two define it differently (OpenApiMerger). */
    @Test
    void theServicesNamedFirstComeFirstAndTheRestByName() {
        Set<String> services = Set.of("accountability", "consent", "retention", "sar", "sharing", "zebra");
        assertThat(MergedOpenApi.ordered(services, List.of("consent", "retention", "sar", "sharing")))
                .containsExactly("consent", "retention", "sar", "sharing", "accountability", "zebra");
        assertThat(MergedOpenApi.ordered(services, List.of("sharing", "gone")))
                .as("a service named but not configured is left out")
                .containsExactly("sharing", "accountability", "consent", "retention", "sar", "zebra");
        assertThat(MergedOpenApi.ordered(services, List.of()))
                .containsExactly("accountability", "consent", "retention", "sar", "sharing", "zebra");
    }
}
