package org.custodian.sharing;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.custodian.sharing.support.Api;
import org.custodian.sharing.support.SharingTest;
import org.custodian.testing.EveryOperationContract;
import org.custodian.testing.SuccessfulCall;
import org.custodian.testing.TestTokens;

/** Every documented operation against the access matrix, every bad token, and fuzzed input. */
@SharingTest
class EveryOperationTest extends EveryOperationContract {

    private static final String PURPOSE = "learning-platform";

    @Override
    protected String service() {
        return "sharing";
    }

    @Override
    protected String rootPackage() {
        return "org.custodian.sharing";
    }

    @Override
    protected Map<String, Supplier<SuccessfulCall>> successfulCalls() {
        String school = "/api/v1/schools/{urn}";
        String base = Api.base(SCHOOL);
        String dpo = TestTokens.bearer("dpo", SCHOOL);
        return Map.of(
                "POST " + school + "/recipients",
                () -> SuccessfulCall.json(
                        dpo,
                        base + "/recipients",
                        Map.of("name", "Replay " + UUID.randomUUID(), "kind", "PROCESSOR", "country", "GB")),
                "POST " + school + "/agreements",
                () -> SuccessfulCall.json(
                        dpo, base + "/agreements", Api.agreementBody(recipient(), "PUBLIC_TASK", PURPOSE)),
                "POST " + school + "/disclosures",
                () -> SuccessfulCall.json(
                        dpo, base + "/disclosures", Api.ask(recipient(), List.of("P-" + UUID.randomUUID()), PURPOSE)),
                "POST " + school + "/recipients/{recipientId}/webhook-endpoints",
                () -> SuccessfulCall.json(
                        dpo,
                        base + "/recipients/" + recipient() + "/webhook-endpoints",
                        Map.of("url", "http://127.0.0.1:9/hook", "eventTypes", List.of("disclosure.made"))));
    }

    private static String recipient() {
        return Api.recipient(SCHOOL, "Replay " + UUID.randomUUID(), "GB");
    }
}
