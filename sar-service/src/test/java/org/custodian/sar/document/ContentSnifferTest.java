package org.custodian.sar.document;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ContentSnifferTest {

    @ParameterizedTest(name = "{0} sent as {1}: {3}")
    @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
            record.pdf   | application/pdf          | 255044462d312e370a                 | application/pdf
            photo.PNG    | image/png                | 89504e470d0a1a0a0000000d49484452   | image/png
            photo.jpeg   | application/octet-stream | ffd8ffe000104a464946               | image/jpeg
            anim.gif     | -                        | 474946383961010001                 | image/gif
            notes.txt    | text/plain               | 48656c6c6f2c20576f726c640a         | text/plain
            data.csv     | text/plain               | 612c620a312c320a                   | text/csv
            data.json    | application/json         | 7b2261223a5b312c325d7d             | application/json
            record.pdf   | application/pdf          | 89504e470d0a1a0a                   | REFUSED
            notes.txt    | text/plain               | 4d5a90000300000004000000ffff       | REFUSED
            setup.exe    | -                        | 4d5a9000                           | REFUSED
            photo.png    | image/jpeg               | 89504e470d0a1a0a                   | REFUSED
            data.json    | application/json         | 7b6e6f74206a736f6e                 | REFUSED
            no-ending    | text/plain               | 68656c6c6f                         | REFUSED
            latin1.txt   | text/plain               | 636166e9                           | REFUSED
            empty.txt    | text/plain               | -                                  | REFUSED
            """)
    void typeIsDecidedByContent(String name, String declared, String hex, String expected) {
        byte[] bytes = hex == null ? new byte[0] : HexFormat.of().parseHex(hex);
        ContentSniffer.Result result = ContentSniffer.check(name, declared, bytes);
        if (expected.equals("REFUSED")) {
            assertThat(result.accepted()).as(result.toString()).isFalse();
            assertThat(result.refusal()).contains(name);
        } else {
            assertThat(result.accepted()).as(result.toString()).isTrue();
            assertThat(result.type().mediaType()).isEqualTo(expected);
        }
    }

    @Property(tries = 300)
    void anExecutableIsNeverAcceptedWhateverItIsCalled(@ForAll byte[] tail, @ForAll ContentType claimed) {
        byte[] bytes = new byte[tail.length + 2];
        bytes[0] = 'M';
        bytes[1] = 'Z';
        System.arraycopy(tail, 0, bytes, 2, tail.length);
        String name = "file." + claimed.name().toLowerCase();
        ContentSniffer.Result result = ContentSniffer.check(name, claimed.mediaType(), bytes);
        if (result.accepted()) {
            // only text that happens to start with "MZ" passes, and then only as text
            assertThat(result.type().isText()).isTrue();
            assertThat(ContentSniffer.isText(bytes)).isTrue();
        }
    }

    @Property(tries = 200)
    void textIsAcceptedAsTextOnly(@ForAll("printable") String text) {
        byte[] bytes = ("x" + text).getBytes(StandardCharsets.UTF_8);
        assertThat(ContentSniffer.check("a.txt", "text/plain", bytes).accepted())
                .isTrue();
        assertThat(ContentSniffer.check("a.pdf", "application/pdf", bytes).accepted())
                .isFalse();
    }

    @net.jqwik.api.Provide
    net.jqwik.api.Arbitrary<String> printable() {
        return net.jqwik.api.Arbitraries.strings()
                .withCharRange(' ', '~')
                .withChars('é', 'ł', '£', '\n')
                .ofMaxLength(200);
    }
}
