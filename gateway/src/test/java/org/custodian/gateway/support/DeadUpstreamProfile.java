package org.custodian.gateway.support;

import java.util.List;
import java.util.Map;
import org.custodian.testing.KafkaResource;

/** As {@link GatewayTestProfile}, but retention-service is not running: its port refuses connections. */
public class DeadUpstreamProfile extends GatewayTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(
                new TestResourceEntry(FakeUpstreams.class, Map.of("dead", "retention")),
                new TestResourceEntry(KafkaResource.class));
    }
}
