package org.custodian.gateway.support;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.util.List;
import java.util.Map;
import org.custodian.testing.KafkaResource;

/**
 * The gateway in front of five live fake services, with a small rate limit and short timeouts to test against, and the
 * test broker (its revocation feed; the bad-token table's revocations are on it). The tests send hundreds of bad
 * tokens from one address: the limit on failed authentications is tested on its own (FailedAuthenticationLimitTest),
 * and so is the public routes' limit per address (PublicRateLimitTest).
 */
public class GatewayTestProfile implements QuarkusTestProfile {

    public static final int RATE_CAPACITY = 10;

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of(
                "custodian.gateway.rate-limit.capacity", Integer.toString(RATE_CAPACITY),
                "custodian.gateway.rate-limit.refill-per-second", "0.2",
                "custodian.gateway.timeouts.response", "1s",
                "custodian.gateway.body-limit.resources.requests", "5M",
                "custodian.gateway.auth-failure-limit.capacity", "100000",
                "custodian.gateway.rate-limit.public.capacity", "100000");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(FakeUpstreams.class), new TestResourceEntry(KafkaResource.class));
    }
}
