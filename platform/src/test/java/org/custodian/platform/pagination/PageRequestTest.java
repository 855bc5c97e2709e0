package org.custodian.platform.pagination;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.custodian.platform.problems.Problem;
import org.custodian.platform.problems.ProblemException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class PageRequestTest {

    static final CursorKeys KEYS = CursorKeys.parse("dGhlIHBhZ2UgcmVxdWVzdCB0ZXN0cycgb3duIGtleSEh");
    static final ListCursors PUPILS = KEYS.forList("GET /api/v1/schools/{urn}/pupils");
    static final ListCursors GUARDIANS = KEYS.forList("GET /api/v1/schools/{urn}/guardians");
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Test
    void defaultsToFiftyAndAcceptsUpToFiveHundred() {
        assertThat(PageRequest.of(null, null, PUPILS).limit()).isEqualTo(50);
        assertThat(PageRequest.of("", "", PUPILS).limit()).isEqualTo(50);
        assertThat(PageRequest.of("500", null, PUPILS).limit()).isEqualTo(500);
        assertThat(PageRequest.of("1", null, PUPILS).isFirst()).isTrue();
    }

    @Test
    void refusesLimitsOutOfRangeWithA400NamingTheField() {
        for (String bad : List.of("0", "501", "-1", "ten", "1.5", "99999999999")) {
            assertThatThrownBy(() -> PageRequest.of(bad, null, PUPILS))
                    .isInstanceOf(ProblemException.class)
                    .satisfies(e -> {
                        ProblemException p = (ProblemException) e;
                        assertThat(p.problem().status()).isEqualTo(400);
                        assertThat(p.problem().errors()).extracting("field").containsExactly("limit");
                    });
        }
    }

    @Test
    void aPositionRoundTripsWhateverItHolds() {
        List<String> position = List.of("O'Brien|Ann:1", "", "12:34", "ünïcödé 🧒", "2026-11-28T14:00:00Z");
        String cursor = PUPILS.issue(position);
        assertThat(cursor).matches("[A-Za-z0-9_-]+");
        assertThat(PageRequest.of(null, cursor, PUPILS).after()).isEqualTo(position);
    }

    /** Issue 16, finding 8: every way of making a cursor the service did not issue for this list is the same 400. */
    @Test
    void everyTamperingIsTheSame400() {
        String issued = PUPILS.issue(List.of("P-0042", "7"));
        byte[] bytes = Base64.getUrlDecoder().decode(issued);
        Map<String, String> tampered = new LinkedHashMap<>();
        tampered.put("not base64", "%%%");
        tampered.put("base64 of nothing we wrote", "bm90LWEtY3Vyc29y");
        tampered.put("the unauthenticated c1 format with NUL", b64("c1|1:\u0000"));
        tampered.put("the unauthenticated c1 format with a bad date", b64("c1|10:2026-02-301:1"));
        tampered.put("NUL in a value, re-encoded", B64.encodeToString(replace(bytes, "P-0042", "P-\u000042")));
        tampered.put("a value changed, re-encoded", B64.encodeToString(replace(bytes, "P-0042", "P-0043")));
        tampered.put("payload without its MAC", b64("c2|6:P-00421:7"));
        tampered.put("padded", issued + "=");
        tampered.put("a cursor of another list", GUARDIANS.issue(List.of("P-0042", "7")));
        tampered.put(
                "sealed under another key",
                CursorKeys.parse("YW5vdGhlciBrZXksIHRoaXJ0eS10d28gYnl0ZXMgbG9uZw==")
                        .forList(PUPILS.list())
                        .issue(List.of("P-0042", "7")));
        for (int i = 0; i < bytes.length; i++) {
            byte[] flipped = bytes.clone();
            flipped[i] ^= 0x01;
            tampered.put("byte " + i + " flipped", B64.encodeToString(flipped));
        }
        for (int cut = 1; cut < issued.length(); cut++) {
            tampered.put("cut to " + cut, issued.substring(0, cut));
        }
        // sealed with the right key for the right list, yet not what the list writes: still the same 400
        tampered.put("sealed NUL", sealed(PUPILS, "c2|3:a\u0000b"));
        tampered.put("sealed wrong version", sealed(PUPILS, "c1|1:a"));
        tampered.put("sealed length past the end", sealed(PUPILS, "c2|9:abc"));
        tampered.put("sealed length without a colon", sealed(PUPILS, "c2|3abc"));
        tampered.put("sealed negative length", sealed(PUPILS, "c2|-1:a"));
        tampered.put("sealed huge length", sealed(PUPILS, "c2|99999999999:a"));
        tampered.put("sealed bad UTF-8", sealedBytes(PUPILS, new byte[] {'c', '2', '|', '1', ':', (byte) 0xC3}));

        Problem expected = problemOf(() -> PageRequest.of(null, "%%%", PUPILS));
        assertThat(expected.status()).isEqualTo(400);
        assertThat(expected.errors()).extracting("field").containsExactly("cursor");
        tampered.forEach((what, cursor) -> assertThat(problemOf(() -> PageRequest.of(null, cursor, PUPILS)))
                .as(what)
                .isEqualTo(expected));
    }

    @Test
    void valuesThatDoNotParseAreTheSame400() {
        Problem expected = problemOf(() -> PageRequest.of(null, "%%%", PUPILS));
        PageRequest page = PageRequest.of(
                null, PUPILS.issue(List.of("2026-02-30", "abc", "not-a-uuid", "2026-13-01T00:00:00Z")), PUPILS);
        List<Executable> reads = List.of(
                () -> page.afterDate(0),
                () -> page.afterLong(1),
                () -> page.afterUuid(2),
                () -> page.afterUuid(1),
                () -> page.afterInstant(3),
                () -> page.after(4),
                () -> PageRequest.of(null, PUPILS.issue(List.of("00000000-0000-4000-8000-00000000000A")), PUPILS)
                        .afterUuid(0));
        for (Executable read : reads) {
            assertThat(problemOf(read)).isEqualTo(expected);
        }
        PageRequest good = PageRequest.of(
                null,
                PUPILS.issue(
                        List.of("2026-02-28", "-5", "00000000-0000-4000-8000-00000000000a", "2026-11-28T14:00:00Z")),
                PUPILS);
        assertThat(good.afterDate(0)).hasToString("2026-02-28");
        assertThat(good.afterLong(1)).isEqualTo(-5);
        assertThat(good.afterUuid(2)).hasToString("00000000-0000-4000-8000-00000000000a");
        assertThat(good.afterInstant(3)).hasToString("2026-11-28T14:00:00Z");
    }

    @Test
    void aPositionPostgresCannotHoldIsNeverIssued() {
        assertThatThrownBy(() -> PUPILS.issue(List.of("a\u0000b"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PUPILS.issue(List.of("\ud800"))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void everyListedKeyOpensAndTheFirstSeals() {
        String oldKey = "b2xkIGtleSBvbGQga2V5IG9sZCBrZXkgb2xkIGtleSEh";
        String newKey = "bmV3IGtleSBuZXcga2V5IG5ldyBrZXkgbmV3IGtleSEh";
        String list = PUPILS.list();
        String fromOld = CursorKeys.parse(oldKey).forList(list).issue(List.of("a"));
        ListCursors rotated = CursorKeys.parse(newKey + "," + oldKey).forList(list);
        assertThat(rotated.open(fromOld)).containsExactly("a");
        assertThat(CursorKeys.parse(newKey).forList(list).open(rotated.issue(List.of("b"))))
                .containsExactly("b");
        assertThatThrownBy(() -> CursorKeys.parse(oldKey).forList(list).open(rotated.issue(List.of("b"))))
                .isInstanceOf(ProblemException.class);
    }

    @Test
    void keysAreBase64OfAtLeastThirtyTwoBytes() {
        for (String bad : List.of("", " ", "not base64!", B64.encodeToString(new byte[31]), oneGoodKey() + ",%%")) {
            assertThatThrownBy(() -> CursorKeys.parse(bad))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("custodian.cursor.keys");
        }
    }

    @Property
    void issuedCursorsRoundTrip(@ForAll("positions") List<String> position) {
        assertThat(PageRequest.of(null, PUPILS.issue(position), PUPILS).after()).isEqualTo(position);
    }

    /** Nothing but a cursor issued for this list opens: any other string is the same 400. */
    @Property
    void anyStringThatIsNotAnIssuedCursorIsRefused(@ForAll("notIssued") String cursor) {
        Assume.that(!cursor.isEmpty());
        assertThat(problemOf(() -> PageRequest.of(null, cursor, PUPILS)))
                .isEqualTo(problemOf(() -> PageRequest.of(null, "%%%", PUPILS)));
    }

    /** An issued cursor with any one character changed, or cut short, or taken to another list, is refused. */
    @Property
    void anIssuedCursorChangedInAnyWayIsRefused(
            @ForAll("positions") List<String> position,
            @ForAll @IntRange(min = 0, max = 10_000) int at,
            @ForAll("base64url") char replacement,
            @ForAll boolean cut) {
        String issued = PUPILS.issue(position);
        int i = at % issued.length();
        String changed = cut ? issued.substring(0, i) : issued.substring(0, i) + replacement + issued.substring(i + 1);
        Assume.that(!changed.equals(issued) && !changed.isEmpty());
        assertThatThrownBy(() -> PageRequest.of(null, changed, PUPILS)).isInstanceOf(ProblemException.class);
        assertThatThrownBy(() -> PageRequest.of(null, issued, GUARDIANS)).isInstanceOf(ProblemException.class);
    }

    @Property
    void pagingVisitsEveryItemOnceInOrder(
            @ForAll @IntRange(min = 0, max = 120) int total, @ForAll @IntRange(min = 1, max = 25) int limit) {
        List<Integer> all = IntStream.range(0, total).boxed().toList();
        List<Integer> seen = new ArrayList<>();
        String cursor = null;
        int pages = 0;
        do {
            PageRequest request = PageRequest.of(Integer.toString(limit), cursor, PUPILS);
            int after = request.isFirst() ? -1 : (int) request.afterLong(0);
            List<Integer> rows = all.stream()
                    .filter(i -> i > after)
                    .limit(request.fetchSize())
                    .toList();
            Page<Integer> page = Page.fromRows(rows, request, i -> List.of(Integer.toString(i)));
            assertThat(page.items()).hasSizeLessThanOrEqualTo(limit);
            seen.addAll(page.items());
            cursor = page.nextCursor();
            pages++;
        } while (cursor != null);
        assertThat(seen).isEqualTo(all);
        assertThat(pages).isEqualTo(Math.max(1, (total + limit - 1) / limit));
    }

    @Provide
    Arbitrary<List<String>> positions() {
        Arbitrary<String> text = Arbitraries.oneOf(
                Arbitraries.strings()
                        .withCharRange('\u0001', '\ud7ff')
                        .withCharRange('\ue000', '\uffff')
                        .ofMaxLength(40),
                Arbitraries.of("", ":", "1:", "|", "c2|", "🧒", "2026-02-30", "00000000-0000-4000-8000-000000000001"));
        return text.list().ofMinSize(1).ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> notIssued() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                Arbitraries.strings()
                        .withChars("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
                        .ofMinLength(40)
                        .ofMaxLength(120),
                positions().map(p -> b64("c1|" + String.join("", p))),
                positions().map(p -> GUARDIANS.issue(p)));
    }

    @Provide
    Arbitrary<Character> base64url() {
        return Arbitraries.chars()
                .with("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_".toCharArray());
    }

    static Problem problemOf(Executable call) {
        try {
            call.execute();
        } catch (ProblemException e) {
            return e.problem();
        } catch (Throwable e) {
            throw new AssertionError("expected a problem, got " + e, e);
        }
        throw new AssertionError("expected a problem, got an answer");
    }

    private static String b64(String text) {
        return B64.encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    private static String sealed(ListCursors list, String payload) {
        return sealedBytes(list, payload.getBytes(StandardCharsets.UTF_8));
    }

    private static String sealedBytes(ListCursors list, byte[] payload) {
        byte[] mac = KEYS.seal(list.list(), payload);
        return B64.encodeToString(ByteBuffer.allocate(payload.length + mac.length)
                .put(payload)
                .put(mac)
                .array());
    }

    private static byte[] replace(byte[] cursor, String value, String with) {
        String text = new String(cursor, StandardCharsets.ISO_8859_1);
        return text.replace(value, with).getBytes(StandardCharsets.ISO_8859_1);
    }

    private static String oneGoodKey() {
        return B64.encodeToString(new byte[32]);
    }
}
