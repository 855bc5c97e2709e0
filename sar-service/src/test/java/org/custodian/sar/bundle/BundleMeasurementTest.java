package org.custodian.sar.bundle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.custodian.sar.testing.SarTest;
import org.junit.jupiter.api.Test;

/**
 * The figure the issue asks for: the time to assemble the JSON and the PDF response for a pupil with 10,000 consent
 * and disclosure records (5,000 consent decisions from the consent stand-in, 5,000 disclosures from the sharing
 * stand-in, over real HTTP). It prints the timings and asserts only on the content, never on time.
 */
@SarTest
class BundleMeasurementTest {

    @Test
    void assemblesTheResponseForAPupilWithTenThousandRecords() throws IOException {
        BundleApiTest.Fixture f = BundleApiTest.accessRequest("P-big10000");
        for (int run = 1; run <= 3; run++) {
            long start = System.nanoTime();
            ExtractableResponse<Response> status = given().header("Authorization", f.dpo())
                    .post(f.base() + "/bundle")
                    .then()
                    .statusCode(200)
                    .extract();
            long wall = (System.nanoTime() - start) / 1_000_000;
            assertThat(status.<Boolean>path("complete")).isTrue();
            System.out.printf(
                    "MEASURE sar bundle, 10,000 records, run %d: POST /bundle %d ms (sources %d ms, JSON %d ms, PDF %d ms), PDF %d bytes%n",
                    run,
                    wall,
                    status.<Integer>path("timings.sourcesMillis"),
                    status.<Integer>path("timings.jsonMillis"),
                    status.<Integer>path("timings.pdfMillis"),
                    status.<Integer>path("pdfBytes"));
        }
        long start = System.nanoTime();
        byte[] json = given().header("Authorization", f.dpo())
                .get(f.base() + "/bundle")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        long jsonRead = (System.nanoTime() - start) / 1_000_000;
        start = System.nanoTime();
        byte[] pdf = given().header("Authorization", f.dpo())
                .get(f.base() + "/bundle.pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        long pdfRead = (System.nanoTime() - start) / 1_000_000;
        try (PDDocument document = Loader.loadPDF(pdf)) {
            System.out.printf(
                    "MEASURE sar bundle, 10,000 records: GET /bundle %d ms (%d bytes), GET /bundle.pdf %d ms (%d pages)%n",
                    jsonRead, json.length, pdfRead, document.getNumberOfPages());
            assertThat(document.getNumberOfPages()).isGreaterThan(100);
        }
        given().header("Authorization", f.dpo())
                .get(f.base() + "/bundle")
                .then()
                .body("sources.find { it.source == 'consent' }.data.decisions.size()", org.hamcrest.Matchers.is(5000))
                .body(
                        "sources.find { it.source == 'sharing' }.data.disclosures.size()",
                        org.hamcrest.Matchers.is(5000));
    }
}
