package org.custodian.testing;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import org.custodian.platform.pagination.CursorKeys;
import org.custodian.platform.pagination.ListCursors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Cursors for the every-operation contract (issue 16, finding 8). A list is named as the kernel's {@code PageRequests}
 * names it, by its OpenAPI key ({@code GET /api/v1/schools/{urn}/pupils}), and the test holds the service's cursor
 * keys (the test profile's {@code custodian.cursor.keys}), so it can issue real cursors of a list and tamper with them.
 */
public final class TamperedCursors {

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();
    private static final List<String> A_POSITION = List.of("P-0001", "00000000-0000-4000-8000-000000000001");

    private TamperedCursors() {}

    /** The keys the service under test seals its cursors with. */
    public static CursorKeys keys() {
        return CursorKeys.parse(ConfigProvider.getConfig().getValue("custodian.cursor.keys", String.class));
    }

    /** Cursors the service never issued for {@code list}: each must be the same 400 naming {@code cursor}. */
    public static Map<String, String> notIssuedFor(String list, String anotherList, CursorKeys keys) {
        String issued = keys.forList(list).issue(A_POSITION);
        byte[] bytes = Base64.getUrlDecoder().decode(issued);
        Map<String, String> cursors = new LinkedHashMap<>();
        // what the penetration test sent: the unauthenticated c1 format with NUL, and with a bad date
        cursors.put("c1 with NUL", b64("c1|1:\u0000"));
        cursors.put("c1 with a bad date", b64("c1|10:2026-02-301:1"));
        cursors.put("NUL in a value, re-encoded", B64.encodeToString(replace(bytes, "P-0001", "P-\u0000001")));
        byte[] flipped = bytes.clone();
        flipped[flipped.length / 2] ^= 0x20;
        cursors.put("a flipped byte", B64.encodeToString(flipped));
        cursors.put("cut short", issued.substring(0, issued.length() - 3));
        cursors.put("a cursor of another list", keys.forList(anotherList).issue(A_POSITION));
        cursors.put(
                "sealed under another key",
                CursorKeys.parse(
                                B64.encodeToString("not the service's key, 32 bytes!".getBytes(StandardCharsets.UTF_8)))
                        .forList(list)
                        .issue(A_POSITION));
        // (a raw NUL in the URL is refused before any parameter is read: InputLimits)
        Arbitraries.strings()
                .ofMinLength(1)
                .ofMaxLength(60)
                .filter(junk -> junk.indexOf('\u0000') < 0)
                .sampleStream()
                .limit(2)
                .forEach(junk -> cursors.put("junk " + junk, junk));
        Arbitraries.strings()
                .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                .ofLength(issued.length())
                .sampleStream()
                .limit(2)
                .forEach(junk -> cursors.put("base64url junk " + junk, junk));
        return cursors;
    }

    /**
     * Cursors truly issued for {@code list} whose values are not what the list writes there (a bad date, a word for
     * a number, too few or too many values): the list reads them strictly, so none may ever be a 5xx.
     */
    public static Map<String, String> sealedWithUnexpectedValues(String list, CursorKeys keys) {
        ListCursors cursors = keys.forList(list);
        Map<String, String> sealed = new LinkedHashMap<>();
        for (List<String> position : List.of(
                List.of("2026-02-30", "x"),
                List.of("x"),
                List.of("-1", "-1", "-1", "-1"),
                List.of("99999999999999999999", "1e309"),
                List.of("' OR 1=1 --", "not-a-uuid"),
                List.of("ünïcödé \u202e🧒", "00000000-0000-4000-8000-00000000000A"),
                List.of("9999-99-99T99:99:99Z", "2026-11-28T14:00:00Z"),
                List.of("x".repeat(300)),
                List.of("", ""))) {
            sealed.put(position.toString(), cursors.issue(position));
        }
        return sealed;
    }

    /** A cursor issued for {@code list} with no position: the first page, so any list must accept it as a cursor. */
    public static String firstPageOf(String list, CursorKeys keys) {
        return keys.forList(list).issue(List.of());
    }

    private static String b64(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] replace(byte[] cursor, String value, String with) {
        String text = new String(cursor, StandardCharsets.ISO_8859_1);
        return text.replace(value, with).getBytes(StandardCharsets.ISO_8859_1);
    }
}
