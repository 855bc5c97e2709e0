package org.custodian.consent;

import org.custodian.testing.EveryOperationContract;

/** Every documented operation against the access matrix, every bad token, and fuzzed input. */
@ConsentTest
class EveryOperationTest extends EveryOperationContract {

    @Override
    protected String service() {
        return "consent";
    }

    @Override
    protected String rootPackage() {
        return "org.custodian.consent";
    }
}
