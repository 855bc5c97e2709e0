package org.custodian.sharing;

import org.custodian.sharing.support.SharingTest;
import org.custodian.testing.EveryOperationContract;

/** Every documented operation against the access matrix, every bad token, and fuzzed input. */
@SharingTest
class EveryOperationTest extends EveryOperationContract {

    @Override
    protected String service() {
        return "sharing";
    }

    @Override
    protected String rootPackage() {
        return "org.custodian.sharing";
    }
}
