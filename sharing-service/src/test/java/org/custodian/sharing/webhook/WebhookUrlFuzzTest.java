package org.custodian.sharing.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * The SSRF validator faces any string a school's administrator types: for a URL written with an address, the check
 * {@link UrlGuard} makes (syntax, then the address) either refuses it with IllegalArgumentException or lets through
 * only a public address; nothing else (Jazzer; {@code JAZZER_FUZZ=1} fuzzes).
 */
class WebhookUrlFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void aUrlIsRefusedOrItsLiteralAddressIsPublic(FuzzedDataProvider data) {
        String url = data.consumeRemainingAsString();
        WebhookUrls.Target target;
        try {
            target = WebhookUrls.parse(url, false);
        } catch (IllegalArgumentException refused) {
            return;
        }
        if (target.literal() != null) {
            InetAddress chosen;
            try {
                chosen = WebhookUrls.choose(target, java.util.List.of(target.literal()), false);
            } catch (IllegalArgumentException refused) {
                return;
            }
            assertThat(AddressPolicy.classify(chosen).isPublic()).as(url).isTrue();
        }
    }

    @FuzzTest(maxDuration = "20s")
    void everyAddressIsClassified(FuzzedDataProvider data) throws UnknownHostException {
        byte[] raw = data.consumeBytes(data.pickValue(new Integer[] {4, 16}));
        if (raw.length != 4 && raw.length != 16) {
            return;
        }
        InetAddress address = InetAddress.getByAddress(raw);
        assertThat(AddressPolicy.classify(address)).isNotNull();
    }
}
