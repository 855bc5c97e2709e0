package org.custodian.accountability.publication;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.custodian.accountability.AccountabilityTest;
import org.custodian.accountability.testing.AccountabilitySchool;
import org.junit.jupiter.api.Test;

/** The published notice and the record of processing as tagged PDFs, through HTTP. */
@AccountabilityTest
class PdfApiTest {

    @Test
    void thePublishedNoticeIsATaggedPdfWhenAskedFor() throws IOException {
        AccountabilitySchool school = AccountabilitySchool.newSchool().setUp();
        String path = "/public/v1/schools/" + school.urn + "/privacy-notice";
        given().accept("application/pdf").get(path).then().statusCode(404).contentType("application/problem+json");
        school.publish();

        var response = given().accept("application/pdf").get(path);
        response.then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Cache-Control", containsString("max-age"))
                .header("Content-Disposition", is("inline; filename=\"privacy-notice-" + school.urn + "-v1.pdf\""));
        String etag = response.header("ETag");
        assertThat(etag).endsWith("-pdf\"");
        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle())
                    .isTrue();
            assertThat(pdf.getDocumentInformation().getTitle())
                    .isEqualTo("Privacy notice for parents and carers: Cassiobury Infant School");
            assertThat(pdf.getDocumentCatalog().getStructureTreeRoot()).isNotNull();
            List<String> types = Pdfs.types(pdf);
            assertThat(types).contains("H1", "H2", "H3", "P", "L", "LI");
            assertThat(types.stream().filter("H2"::equals)).hasSize(11);
            String text = Pdfs.text(pdf);
            assertThat(text)
                    .contains("Cassiobury Infant School", "Version 1", "Department for Education")
                    .contains("Photos on the school website", "Admission and attendance registers")
                    .contains("0303 123 1113");
        }

        given().accept("application/pdf")
                .header("If-None-Match", etag)
                .get(path)
                .then()
                .statusCode(304);
        // a browser is given the page, whatever else it accepts
        given().accept("text/html,application/xhtml+xml,application/pdf;q=0.9,*/*;q=0.8")
                .get(path)
                .then()
                .statusCode(200)
                .contentType(containsString("text/html"));
    }

    @Test
    void theRecordOfProcessingIsALandscapePdfWithASectionPerActivity() throws IOException {
        AccountabilitySchool school = AccountabilitySchool.newSchool().setUp();
        String path = "/api/v1/schools/" + school.urn + "/ropa.pdf";
        var response = school.as("auditor").get(path);
        response.then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", is("attachment; filename=\"ropa-" + school.urn + ".pdf\""));
        int activities = school.as("dpo")
                .get("/api/v1/schools/" + school.urn + "/ropa")
                .then()
                .extract()
                .jsonPath()
                .getList("rows")
                .size();
        try (PDDocument pdf = Loader.loadPDF(response.asByteArray())) {
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(pdf.getDocumentInformation().getTitle())
                    .isEqualTo("Record of processing activities: Cassiobury Infant School");
            assertThat(pdf.getPage(0).getMediaBox().getWidth())
                    .isGreaterThan(pdf.getPage(0).getMediaBox().getHeight());
            assertThat(pdf.getNumberOfPages()).isGreaterThan(1);
            List<String> types = Pdfs.types(pdf);
            assertThat(types.stream().filter("H1"::equals)).hasSize(1);
            assertThat(types.stream().filter("H2"::equals)).hasSize(activities);
            String text = Pdfs.text(pdf);
            assertThat(text)
                    .contains("Share data with Department for Education: School census (DfE)")
                    .contains("Categories of personal data:", "Article 6 lawful basis:")
                    .contains("agreement a-census v1", "Not reviewed yet");
        }
        school.as("staff").get(path).then().statusCode(403);
    }
}
