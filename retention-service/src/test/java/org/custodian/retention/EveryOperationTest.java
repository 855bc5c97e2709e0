package org.custodian.retention;

import org.custodian.testing.EveryOperationContract;

/** Every documented operation against the access matrix, every bad token, and fuzzed input. */
@RetentionTest
class EveryOperationTest extends EveryOperationContract {

    @Override
    protected String service() {
        return "retention";
    }

    @Override
    protected String rootPackage() {
        return "org.custodian.retention";
    }
}
