package org.custodian.sharing.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SSRF list of DESIGN.md §9 and the issue, with the production setting (no private addresses). */
class SsrfRulesTest {

    /** Refused with the flag off; the resolver is never needed for these (literals) or they fail on syntax. */
    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://0x7f000001/hook",
                "https://0177.0.0.1/hook",
                "https://2130706433/hook",
                "https://127.1/hook",
                "https://[::1]/hook",
                "https://127.0.0.1/hook",
                "https://169.254.169.254/latest/meta-data",
                "https://10.0.0.7/hook",
                "https://172.16.3.4/hook",
                "https://172.31.255.255/hook",
                "https://192.168.1.10/hook",
                "https://100.64.0.1/hook",
                "https://100.127.255.254/hook",
                "https://0.0.0.0/hook",
                "https://[fc00::1]/hook",
                "https://[fd00:ec2::254]/hook",
                "https://[fe80::1]/hook",
                "https://[::ffff:127.0.0.1]/hook",
                "https://[::ffff:169.254.169.254]/hook",
                "https://[::]/hook",
                "https://[64:ff9b::a9fe:a9fe]/hook",
                "https://224.0.0.1/hook",
                "https://255.255.255.255/hook",
                "https://localhost/hook",
                "https://metadata.google.internal/computeMetadata/v1/",
                "https://printer.local/hook",
                "http://partner.example.com/hook",
                "ftp://partner.example.com/hook",
                "https://user:pw@partner.example.com/hook",
                "https://partner.example.com/hook#frag",
                "not a url",
                "https:///nohost",
                "https://partner.example.com:0/x",
                "https://partner.example.com:70000/x",
                "https://partner.example.com:22/x",
                "https://partner.example.com:80/x",
                "https://partner.example.com:8080/x",
                "https://93.184.215.14:6379/hook",
                "https://[2606:4700::6810:84e5]:9200/hook",
                "https://intranet/hook",
                "file:///etc/passwd"
            })
    void refusedInProduction(String url) {
        assertThatThrownBy(() -> check(url, false)).isInstanceOf(IllegalArgumentException.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "https://93.184.215.14/hook",
                "https://[2606:4700::6810:84e5]/hook",
                "https://8.8.8.8:8443/webhooks?tenant=7",
                "https://93.184.215.14:443/hook"
            })
    void publicAddressesAreAllowed(String url) {
        assertThat(check(url, false)).isNotNull();
    }

    @Test
    void theDemoFlagLetsLoopbackAndPrivateAddressesAndHttpThroughButNeverMetadataOrAmbiguousNumbers() {
        assertThat(check("http://127.0.0.1:8080/hook", true)).isNotNull();
        assertThat(check("http://[::1]:8080/hook", true)).isNotNull();
        assertThat(check("http://10.1.2.3/hook", true)).isNotNull();
        for (String url : List.of(
                "http://169.254.169.254/",
                "http://0x7f000001/",
                "http://0177.0.0.1/",
                "http://100.64.0.1/",
                "http://[fe80::1]/",
                "http://0.0.0.0/")) {
            assertThatThrownBy(() -> check(url, true)).as(url).isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Test
    void aNameThatResolvesToAnyForbiddenAddressIsRefused() throws Exception {
        WebhookUrls.Target target = WebhookUrls.parse("https://partner.example.com/hook", false);
        List<InetAddress> rebinding =
                List.of(InetAddress.getByName("93.184.215.14"), InetAddress.getByName("169.254.169.254"));
        assertThatThrownBy(() -> WebhookUrls.choose(target, rebinding, false))
                .hasMessageContaining("link-local")
                .hasMessageContaining("169.254.169.254");
        assertThatThrownBy(() -> WebhookUrls.choose(target, List.of(), false)).hasMessageContaining("does not resolve");
        assertThat(WebhookUrls.choose(target, List.of(InetAddress.getByName("93.184.215.14")), false)
                        .getHostAddress())
                .isEqualTo("93.184.215.14");
    }

    @Property
    void everyAddressIn10Slash8IsPrivate(
            @ForAll @IntRange(min = 0, max = 255) int b,
            @ForAll @IntRange(min = 0, max = 255) int c,
            @ForAll @IntRange(min = 0, max = 255) int d)
            throws Exception {
        InetAddress address = InetAddress.getByAddress(new byte[] {10, (byte) b, (byte) c, (byte) d});
        assertThat(AddressPolicy.classify(address)).isEqualTo(AddressPolicy.Kind.PRIVATE);
        assertThat(AddressPolicy.allowed(address, false)).isFalse();
    }

    @Property
    void ipv4MappedIpv6IsJudgedAsTheIpv4ItCarries(
            @ForAll @IntRange(min = 0, max = 255) int a, @ForAll @IntRange(min = 0, max = 255) int b) throws Exception {
        byte[] v4 = {(byte) a, (byte) b, 7, 9};
        byte[] mapped = new byte[16];
        mapped[10] = (byte) 0xff;
        mapped[11] = (byte) 0xff;
        System.arraycopy(v4, 0, mapped, 12, 4);
        // InetAddress turns a mapped address into an Inet4Address itself; both routes must agree
        assertThat(AddressPolicy.allowed(InetAddress.getByAddress(mapped), false))
                .isEqualTo(AddressPolicy.allowed(InetAddress.getByAddress(v4), false));
    }

    @Property
    void nonCanonicalSpellingsOfAnyIpv4AddressAreRefused(
            @ForAll @IntRange(min = 1, max = 255) int a, @ForAll @IntRange(min = 0, max = 255) int b) {
        String hex = String.format("0x%02x%02x0001", a, b);
        String octal = "0" + Integer.toOctalString(a) + "." + b + ".0.1";
        String decimal = Long.toString(((long) a << 24) | ((long) b << 16) | 1);
        for (String host : List.of(hex, octal, decimal)) {
            assertThatThrownBy(() -> AddressPolicy.literal(host)).as(host).isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static InetAddress check(String url, boolean allowPrivate) {
        WebhookUrls.Target target = WebhookUrls.parse(url, allowPrivate);
        List<InetAddress> addresses;
        if (target.literal() != null) {
            addresses = List.of(target.literal());
        } else if (target.host().equals("localhost")) {
            addresses = List.of(InetAddress.getLoopbackAddress());
        } else {
            addresses = List.of(); // names are not resolved in this unit test
            try {
                addresses = List.of(InetAddress.getByName("93.184.215.14"));
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return WebhookUrls.choose(target, addresses, allowPrivate);
    }
}
