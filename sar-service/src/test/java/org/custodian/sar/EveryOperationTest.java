package org.custodian.sar;

import org.custodian.sar.testing.SarTest;
import org.custodian.testing.EveryOperationContract;

/** Every documented operation against the access matrix, every bad token, and fuzzed input. */
@SarTest
class EveryOperationTest extends EveryOperationContract {

    @Override
    protected String service() {
        return "sar";
    }

    @Override
    protected String rootPackage() {
        return "org.custodian.sar";
    }
}
