package org.custodian.sharing.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/**
 * Which addresses a webhook may be delivered to (SSRF). Loopback, private, link-local (cloud metadata at
 * 169.254.169.254), carrier-grade NAT, unspecified, multicast, reserved and documentation ranges, IPv6 unique-local
 * and link-local, and IPv4 hidden inside IPv6 (mapped, compatible, NAT64, 6to4) are refused. A flag for the local
 * demo and tests lets loopback and private addresses through, never the others.
 */
public final class AddressPolicy {

    /** What an address is, for the refusal message. */
    public enum Kind {
        PUBLIC(true),
        LOOPBACK(false),
        PRIVATE(false),
        LINK_LOCAL(false),
        CARRIER_GRADE_NAT(false),
        UNSPECIFIED(false),
        MULTICAST(false),
        RESERVED(false),
        DOCUMENTATION(false),
        UNIQUE_LOCAL(false);

        private final boolean publicAddress;

        Kind(boolean publicAddress) {
            this.publicAddress = publicAddress;
        }

        public boolean isPublic() {
            return publicAddress;
        }
    }

    private AddressPolicy() {}

    public static boolean allowed(InetAddress address, boolean allowPrivate) {
        Kind kind = classify(address);
        return kind.isPublic()
                || (allowPrivate && (kind == Kind.LOOPBACK || kind == Kind.PRIVATE || kind == Kind.UNIQUE_LOCAL));
    }

    public static Kind classify(InetAddress address) {
        byte[] b = address.getAddress();
        if (address instanceof Inet4Address) {
            return classifyV4(b);
        }
        if (address instanceof Inet6Address) {
            return classifyV6(b);
        }
        return Kind.RESERVED;
    }

    private static Kind classifyV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 0) {
            return Kind.UNSPECIFIED;
        }
        if (a0 == 127) {
            return Kind.LOOPBACK;
        }
        if (a0 == 10 || (a0 == 172 && a1 >= 16 && a1 <= 31) || (a0 == 192 && a1 == 168)) {
            return Kind.PRIVATE;
        }
        if (a0 == 169 && a1 == 254) {
            return Kind.LINK_LOCAL;
        }
        if (a0 == 100 && a1 >= 64 && a1 <= 127) {
            return Kind.CARRIER_GRADE_NAT;
        }
        if ((a0 == 192 && a1 == 0 && a2 == 2)
                || (a0 == 198 && a1 == 51 && a2 == 100)
                || (a0 == 203 && a1 == 0 && a2 == 113)) {
            return Kind.DOCUMENTATION;
        }
        if ((a0 == 192 && a1 == 0 && a2 == 0)
                || (a0 == 198 && (a1 == 18 || a1 == 19))
                || (a0 == 192 && a1 == 88 && a2 == 99)) {
            return Kind.RESERVED;
        }
        if (a0 >= 224 && a0 <= 239) {
            return Kind.MULTICAST;
        }
        if (a0 >= 240) {
            return Kind.RESERVED;
        }
        return Kind.PUBLIC;
    }

    private static Kind classifyV6(byte[] b) {
        boolean firstTenZero = Arrays.equals(Arrays.copyOfRange(b, 0, 10), new byte[10]);
        if (firstTenZero && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
            return classifyV4(Arrays.copyOfRange(b, 12, 16)); // ::ffff:a.b.c.d
        }
        if (Arrays.equals(Arrays.copyOfRange(b, 0, 12), new byte[12])) {
            if (Arrays.equals(b, new byte[16])) {
                return Kind.UNSPECIFIED;
            }
            byte[] loopback = new byte[16];
            loopback[15] = 1;
            if (Arrays.equals(b, loopback)) {
                return Kind.LOOPBACK;
            }
            return Kind.RESERVED; // IPv4-compatible ::a.b.c.d (deprecated)
        }
        int h0 = ((b[0] & 0xff) << 8) | (b[1] & 0xff);
        int h1 = ((b[2] & 0xff) << 8) | (b[3] & 0xff);
        if (h0 == 0x0064 && h1 == 0xff9b) {
            return Kind.RESERVED; // NAT64 64:ff9b::/96 (and /48 local-use) reach IPv4 behind the translator
        }
        if (h0 == 0x2002) {
            return Kind.RESERVED; // 6to4 embeds an IPv4 address
        }
        if (h0 == 0x2001 && h1 == 0x0db8) {
            return Kind.DOCUMENTATION;
        }
        if (h0 == 0x2001 && h1 == 0x0000) {
            return Kind.RESERVED; // Teredo
        }
        if ((b[0] & 0xfe) == 0xfc) {
            return Kind.UNIQUE_LOCAL; // fc00::/7
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0x80) {
            return Kind.LINK_LOCAL; // fe80::/10
        }
        if ((b[0] & 0xff) == 0xfe && (b[1] & 0xc0) == 0xc0) {
            return Kind.PRIVATE; // fec0::/10, deprecated site-local
        }
        if ((b[0] & 0xff) == 0xff) {
            return Kind.MULTICAST;
        }
        return Kind.PUBLIC;
    }

    /**
     * Reads a host that is written as a number. Only the canonical dotted quad ({@code 93.184.216.34}) and bracketed
     * IPv6 literals are addresses; any other numeric spelling a resolver might accept ({@code 0x7f000001},
     * {@code 0177.0.0.1}, {@code 2130706433}, {@code 127.1}) is ambiguous and refused.
     *
     * @return the literal address, or null when the host is a name to resolve
     * @throws IllegalArgumentException for an ambiguous numeric host
     */
    public static InetAddress literal(String host) {
        if (host.startsWith("[") && host.endsWith("]")) {
            String inside = host.substring(1, host.length() - 1);
            if (!inside.matches("[0-9A-Fa-f:.]+")) {
                throw new IllegalArgumentException("not an IPv6 address: " + host);
            }
            return parse(inside);
        }
        String bare = host.endsWith(".") ? host.substring(0, host.length() - 1) : host;
        String[] parts = bare.split("\\.", -1);
        boolean numeric = Arrays.stream(parts).allMatch(p -> p.matches("(?i)0x[0-9a-f]*|[0-9]+"));
        if (!numeric) {
            return null;
        }
        boolean canonical = parts.length == 4
                && host.equals(bare)
                && Arrays.stream(parts).allMatch(p -> p.matches("0|[1-9][0-9]{0,2}") && Integer.parseInt(p) <= 255);
        if (!canonical) {
            throw new IllegalArgumentException("a numeric host must be written as a plain dotted quad: " + host);
        }
        return parse(bare);
    }

    private static InetAddress parse(String literal) {
        try {
            return InetAddress.getByName(literal); // a literal: no lookup happens
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("not an IP address: " + literal, e);
        }
    }
}
