package org.custodian.sar.document;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;

/**
 * Upload type detection faces whatever a caller uploads: it must always answer (accepted, or refused with a reason),
 * never throw (Jazzer; {@code JAZZER_FUZZ=1} fuzzes for real, otherwise the seeds run).
 */
class ContentSnifferFuzzTest {

    @FuzzTest(maxDuration = "20s")
    void everyUploadIsAcceptedOrRefusedWithAReason(FuzzedDataProvider data) {
        String filename = data.consumeString(40);
        String declared = data.pickValue(new String[] {
            "application/pdf",
            "text/csv",
            "application/json",
            "text/plain",
            "image/png",
            "image/jpeg",
            "application/octet-stream",
            "application/x-msdownload"
        });
        byte[] bytes = data.consumeRemainingAsBytes();
        ContentSniffer.Result result = ContentSniffer.check(filename, declared, bytes);
        assertThat(result.accepted() || result.refusal() != null).isTrue();
    }
}
