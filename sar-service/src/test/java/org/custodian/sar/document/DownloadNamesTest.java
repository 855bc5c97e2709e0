package org.custodian.sar.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Issue 16, finding 14: file names without format characters, downloads with RFC 8187 names. */
class DownloadNamesTest {

    @Test
    void formatCharactersAreStrippedFromFileNames() {
        assertThat(DownloadNames.clean("invoice\u202Efdp.exe")).isEqualTo("invoicefdp.exe");
        assertThat(DownloadNames.clean("re\u200Bpo\u200Drt\uFEFF.pdf")).isEqualTo("report.pdf");
        assertThat(DownloadNames.clean("a\u2066b\u2069c\u061C.txt")).isEqualTo("abc.txt");
        assertThat(DownloadNames.clean("../../etc/pass\"wd\u0007.txt")).isEqualTo("pass_wd_.txt");
    }

    @Test
    void anAsciiNameIsAPlainFilename() {
        assertThat(DownloadNames.contentDisposition("attachment", "report.pdf"))
                .isEqualTo("attachment; filename=\"report.pdf\"");
    }

    @Test
    void aNameOutsideAsciiAlsoTravelsAsUtf8() {
        assertThat(DownloadNames.contentDisposition("attachment", "r\u202Eésumé 🧒.txt"))
                .isEqualTo(
                        "attachment; filename=\"r_sum_ _.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9%20%F0%9F%A7%92.txt");
    }
}
