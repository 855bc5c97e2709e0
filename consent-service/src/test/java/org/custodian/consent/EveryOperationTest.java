package org.custodian.consent;

import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.custodian.testing.EveryOperationContract;
import org.custodian.testing.SuccessfulCall;
import org.custodian.testing.TestTokens;

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

    @Override
    protected Map<String, Supplier<SuccessfulCall>> successfulCalls() {
        String school = "/api/v1/schools/{urn}";
        return Map.of(
                "POST " + school + "/purposes",
                () -> {
                    Fixture f = Fixture.newSchool();
                    return SuccessfulCall.of(f.bearer("dpo"), f.base() + "/purposes", """
                            {"code":"TRIP_PHOTOS","title":"Photos on the trip blog","wording":"We post photos.",
                             "kind":"STANDARD","dataCategories":["PHOTOGRAPHS"],"validity":"P1M"}""");
                },
                "POST " + school + "/pupils/{pupilId}/consents",
                () -> {
                    Fixture f = Fixture.newSchool();
                    f.family("P1", 6, "MUM", "DAD");
                    return SuccessfulCall.of(f.parent("MUM"), f.base() + "/pupils/P1/consents", """
                            {"purpose":"PHOTO_DISPLAY","decision":"GRANTED",
                             "givenBy":{"type":"GUARDIAN","guardianId":"MUM"},"method":"ONLINE"}""");
                },
                "POST " + school + "/token-revocations",
                () -> {
                    Fixture f = Fixture.newSchool();
                    return SuccessfulCall.json(
                            f.bearer("dpo"),
                            f.base() + "/token-revocations",
                            Map.of("tokenId", UUID.randomUUID().toString(), "reason", "contract replay"));
                },
                "POST /internal/v1/token-revocations",
                () -> SuccessfulCall.json(
                        TestTokens.role("operator").noSchools().subject("op-1").bearer(),
                        "/internal/v1/token-revocations",
                        Map.of("tokenId", UUID.randomUUID().toString(), "reason", "contract replay")));
    }
}
