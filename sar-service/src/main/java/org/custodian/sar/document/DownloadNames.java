package org.custodian.sar.document;

import java.nio.charset.StandardCharsets;

/**
 * File names as they are stored and as they are offered for download (issue 16, finding 14): no path, no control
 * characters, no Unicode format characters (category Cf: U+202E RIGHT-TO-LEFT OVERRIDE, zero-width characters,
 * which make {@code invoice\u202Efdp.exe} look like {@code invoiceexe.pdf}), and a {@code Content-Disposition} that
 * carries a name outside ASCII as {@code filename*=UTF-8''…} (RFC 6266, RFC 8187) after an ASCII fallback.
 */
public final class DownloadNames {

    private static final int MAX_LENGTH = 200;

    private DownloadNames() {}

    /** The name to store for an uploaded file called {@code name} by its sender. */
    public static String clean(String name) {
        String raw = name == null ? "" : name;
        String base = raw.substring(Math.max(raw.lastIndexOf('/'), raw.lastIndexOf('\\')) + 1);
        String clean =
                base.replaceAll("\\p{Cf}", "").replaceAll("[\\p{Cntrl}\"]", "_").strip();
        return clean.length() > MAX_LENGTH ? clean.substring(clean.length() - MAX_LENGTH) : clean;
    }

    /** {@code Content-Disposition} for a download of {@code name}, {@code disposition} being attachment or inline. */
    public static String contentDisposition(String disposition, String name) {
        String clean = clean(name);
        StringBuilder ascii = new StringBuilder();
        boolean onlyAscii = true;
        for (int i = 0; i < clean.length(); i++) {
            char c = clean.charAt(i);
            if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
                ascii.append(c);
            } else {
                onlyAscii = false;
                if (!Character.isLowSurrogate(c)) {
                    ascii.append('_');
                }
            }
        }
        String header = disposition + "; filename=\"" + ascii + "\"";
        return onlyAscii ? header : header + "; filename*=UTF-8''" + encode(clean);
    }

    /** RFC 8187 {@code value-chars}: attr-chars as they are, every other UTF-8 byte percent-encoded. */
    static String encode(String value) {
        StringBuilder out = new StringBuilder();
        for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
            int c = b & 0xff;
            if ((c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z')
                    || (c >= '0' && c <= '9')
                    || "!#$&+-.^_`|~".indexOf(c) >= 0) {
                out.append((char) c);
            } else {
                out.append('%').append(String.format("%02X", c));
            }
        }
        return out.toString();
    }
}
