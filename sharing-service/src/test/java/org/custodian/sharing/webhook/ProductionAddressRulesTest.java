package org.custodian.sharing.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.custodian.sharing.support.Api.base;
import static org.custodian.sharing.support.Api.dpo;
import static org.custodian.sharing.support.Api.recipient;

import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.util.List;
import java.util.Map;
import org.custodian.sharing.support.SharingTest;
import org.junit.jupiter.api.Test;

/** With the production setting (no private addresses), loopback in every spelling and plain http are refused too. */
@SharingTest
@TestProfile(ProductionAddressRulesTest.Production.class)
class ProductionAddressRulesTest {

    public static class Production implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("custodian.sharing.webhooks.allow-private-addresses", "false");
        }
    }

    static final String URN = "250001";

    @Test
    void loopbackPrivateAndPlainHttpAreRefusedAtRegistration() {
        String recipient = recipient(URN, "Production Rules Ltd", "GB");
        String path = base(URN) + "/recipients/" + recipient + "/webhook-endpoints";
        for (String url : List.of(
                "https://[::1]/hook",
                "https://127.0.0.1/hook",
                "https://localhost/hook",
                "https://10.0.0.1/hook",
                "https://192.168.0.10/hook",
                "https://172.16.0.1/hook",
                "https://[fc00::1]/hook",
                "https://0x7f000001/hook",
                "https://0177.0.0.1/hook",
                "https://169.254.169.254/hook",
                "http://93.184.215.14/hook",
                "https://intranet/hook",
                "https://93.184.215.14:8080/hook",
                "https://93.184.215.14:22/hook")) {
            var response = dpo(URN).body(Map.of("url", url, "eventTypes", List.of("disclosure.made")))
                    .post(path)
                    .then()
                    .extract();
            assertThat(response.statusCode()).as(url).isEqualTo(400);
            assertThat(response.<List<String>>path("errors.field")).as(url).contains("url");
        }
        var created = dpo(URN).body(
                        Map.of("url", "https://93.184.215.14/hook", "eventTypes", List.of("disclosure.made")))
                .post(path)
                .then()
                .extract();
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(dpo(URN).get(path).then().extract().<List<Object>>path("items"))
                .hasSize(1);
    }
}
