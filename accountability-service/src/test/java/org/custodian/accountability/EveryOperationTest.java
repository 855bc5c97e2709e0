package org.custodian.accountability;

import java.util.Map;
import java.util.function.Supplier;
import org.custodian.accountability.testing.AccountabilitySchool;
import org.custodian.testing.EveryOperationContract;
import org.custodian.testing.SuccessfulCall;
import org.custodian.testing.TestTokens;

/** Every documented operation against the access matrix, every bad token, the public pages, and fuzzed input. */
@AccountabilityTest
class EveryOperationTest extends EveryOperationContract {

    @Override
    protected String service() {
        return "accountability";
    }

    @Override
    protected String rootPackage() {
        return "org.custodian.accountability";
    }

    @Override
    protected Map<String, Supplier<SuccessfulCall>> successfulCalls() {
        String school = "POST /api/v1/schools/{urn}";
        return Map.of(
                school + "/privacy-notice/draft/publication",
                () -> {
                    AccountabilitySchool s = AccountabilitySchool.newSchool().setUp();
                    return SuccessfulCall.of(bearer(s.urn), s.notice("/draft/publication"), "");
                },
                school + "/ropa/reviews",
                () -> {
                    AccountabilitySchool s = AccountabilitySchool.newSchool().setUp();
                    return SuccessfulCall.of(
                            bearer(s.urn), "/api/v1/schools/" + s.urn + "/ropa/reviews", "{\"note\":\"checked\"}");
                });
    }

    private static String bearer(String urn) {
        return "Bearer " + TestTokens.role("dpo").school(urn).subject("dpo-1").mint();
    }
}
