package org.custodian.sar;

import org.custodian.sar.testing.SarTest;
import org.custodian.testing.ServiceContract;

@SarTest
class SarServiceContractTest extends ServiceContract {
    @Override
    protected String auditPath() {
        return "/api/v1/schools/" + SCHOOL + "/audit/requests";
    }
}
