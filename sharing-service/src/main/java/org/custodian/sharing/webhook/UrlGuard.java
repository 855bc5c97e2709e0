package org.custodian.sharing.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.InetAddress;
import java.util.List;
import org.custodian.sharing.SharingConfig;

/**
 * The SSRF wall, at registration and again at every delivery: the URL's syntax, then every address its host
 * resolves to now. Delivery connects to the address checked here, never resolving again (DNS rebinding).
 */
@ApplicationScoped
public class UrlGuard {

    /** Where to send: the checked URL and the address to connect to. */
    public record Destination(WebhookUrls.Target target, InetAddress address) {}

    private final HostResolver resolver;

    private final WebhookConfig config;

    UrlGuard(HostResolver resolver, SharingConfig sharing) {
        this.resolver = resolver;
        this.config = sharing.webhooks();
    }

    /** @throws IllegalArgumentException when the URL or any of its addresses is refused */
    public Destination check(String url) {
        boolean allowPrivate = config.allowPrivateAddresses();
        WebhookUrls.Target target = WebhookUrls.parse(url, allowPrivate);
        List<InetAddress> addresses =
                target.literal() != null ? List.of(target.literal()) : resolver.resolve(target.host());
        return new Destination(target, WebhookUrls.choose(target, addresses, allowPrivate));
    }

    /** Syntax only (no resolution), for values that must at least be well formed. */
    public WebhookUrls.Target parse(String url) {
        return WebhookUrls.parse(url, config.allowPrivateAddresses());
    }
}
