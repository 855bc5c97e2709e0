package org.custodian.accountability;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.custodian.testing.KafkaResource;
import org.custodian.testing.PostgresResource;
import org.custodian.testing.ServiceContract;

@QuarkusTest
@WithTestResource(value = KafkaResource.class, scope = TestResourceScope.GLOBAL)
@WithTestResource(value = PostgresResource.class, scope = TestResourceScope.GLOBAL)
class AccountabilityServiceContractTest extends ServiceContract {
    @Override
    protected String auditPath() {
        return "/api/v1/schools/" + SCHOOL + "/audit/accountability";
    }
}
