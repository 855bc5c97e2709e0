package org.custodian.sar.bundle;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;

import io.restassured.http.ContentType;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import javax.imageio.ImageIO;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.custodian.sar.testing.Roster;
import org.custodian.sar.testing.SarTest;
import org.custodian.testing.TestTokens;
import org.junit.jupiter.api.Test;

@SarTest
class DocumentApiTest {

    static byte[] pdfSaying(String text) throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage();
            document.addPage(page);
            try (PDPageContentStream stream = new PDPageContentStream(document, page)) {
                stream.beginText();
                stream.setFont(new PDType1Font(Standard14Fonts.FontName.HELVETICA), 12);
                stream.newLineAtOffset(72, 700);
                stream.showText(text);
                stream.endText();
            }
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        }
    }

    static byte[] png() throws IOException {
        BufferedImage image = new BufferedImage(40, 20, BufferedImage.TYPE_INT_RGB);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "png", out);
        return out.toByteArray();
    }

    record Fixture(Roster school, String id) {
        String base() {
            return "/api/v1/schools/" + school.urn + "/requests/" + id;
        }

        String dpo() {
            return TestTokens.role("dpo").school(school.urn).subject("dpo-1").bearer();
        }

        int documents() {
            return given().header("Authorization", dpo())
                    .get(base() + "/documents")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath()
                    .getList("items")
                    .size();
        }
    }

    static Fixture educationalRecordRequest() {
        Roster school = Roster.maintainedEnglishSchool();
        String pupil = school.pupil("P", 9);
        String guardian = school.guardianOf(pupil, true);
        String dpo = TestTokens.role("dpo").school(school.urn).subject("dpo-1").bearer();
        String id = given().header("Authorization", dpo)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "type",
                        "EDUCATIONAL_RECORD",
                        "subject",
                        Map.of("type", "PUPIL", "id", pupil),
                        "requester",
                        Map.of("type", "GUARDIAN", "id", guardian),
                        "channel",
                        "LETTER",
                        "description",
                        "A copy please"))
                .post("/api/v1/schools/" + school.urn + "/requests")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        given().header("Authorization", dpo)
                .contentType(ContentType.JSON)
                .body(Map.of("decision", "NOT_REQUIRED"))
                .post("/api/v1/schools/" + school.urn + "/requests/" + id + "/identity-verification")
                .then()
                .statusCode(200);
        return new Fixture(school, id);
    }

    @Test
    void theEducationalRecordIsUploadedAssembledAndReadBackInThePdf() throws IOException {
        Fixture f = educationalRecordRequest();
        given().header("Authorization", f.dpo())
                .contentType(ContentType.JSON)
                .body(Map.of("summary", "x"))
                .post(f.base() + "/completion")
                .then()
                .statusCode(409)
                .body("detail", containsString("assemble the response first"));

        given().header("Authorization", f.dpo())
                .multiPart(
                        "file",
                        "annual-report.pdf",
                        pdfSaying("Reading age 9.5 and a delight in class"),
                        "application/pdf")
                .multiPart(
                        "file",
                        "attendance.csv",
                        "term,attendance\nautumn,97%\n".getBytes(StandardCharsets.UTF_8),
                        "text/csv")
                .multiPart("file", "artwork.png", png(), "image/png")
                .multiPart("description", "Year 4 record")
                .post(f.base() + "/documents")
                .then()
                .statusCode(201)
                .body("", hasSize(3))
                .body("mediaType", hasItems("application/pdf", "text/csv", "image/png"))
                .body("[0].sha256.size()", is(64));
        assertThat(f.documents()).isEqualTo(3);

        given().header("Authorization", f.dpo())
                .post(f.base() + "/bundle")
                .then()
                .statusCode(200)
                .body("complete", is(true))
                .body("documents", is(3))
                .body("sources", hasSize(0));
        byte[] pdf = given().header("Authorization", f.dpo())
                .get(f.base() + "/bundle.pdf")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        String text = BundleApiTest.pdfText(pdf);
        assertThat(text)
                .contains(
                        "Educational record",
                        "15 school days",
                        "annual-report.pdf",
                        "Reading age 9.5 and a delight in class",
                        "autumn,97%",
                        "artwork.png",
                        "0303 123 1113");

        // a document added after the assembly must be in the response before it is completed
        given().header("Authorization", f.dpo())
                .multiPart("file", "note.txt", "Late addition".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post(f.base() + "/documents")
                .then()
                .statusCode(201);
        given().header("Authorization", f.dpo())
                .contentType(ContentType.JSON)
                .body(Map.of("summary", "x"))
                .post(f.base() + "/completion")
                .then()
                .statusCode(409)
                .body("detail", containsString("assemble it again"));
        given().header("Authorization", f.dpo())
                .post(f.base() + "/bundle")
                .then()
                .statusCode(200);
        given().header("Authorization", f.dpo())
                .contentType(ContentType.JSON)
                .body(Map.of("summary", "Copy handed over"))
                .post(f.base() + "/completion")
                .then()
                .statusCode(200)
                .body("status", is("COMPLETED"));
        given().header("Authorization", f.dpo())
                .multiPart("file", "later.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post(f.base() + "/documents")
                .then()
                .statusCode(409);
    }

    @Test
    void disguisedOrUnacceptedFilesAreRefusedByTheirContentAndNothingIsStored() throws IOException {
        Fixture f = educationalRecordRequest();
        byte[] exe = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xff, (byte) 0xff};
        given().header("Authorization", f.dpo())
                .multiPart("file", "record.pdf", png(), "application/pdf")
                .post(f.base() + "/documents")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("detail", containsString("its content is image/png"));
        given().header("Authorization", f.dpo())
                .multiPart("file", "record.pdf", exe, "application/pdf")
                .post(f.base() + "/documents")
                .then()
                .statusCode(415);
        given().header("Authorization", f.dpo())
                .multiPart("file", "notes.txt", exe, "text/plain")
                .post(f.base() + "/documents")
                .then()
                .statusCode(415)
                .body("detail", containsString("content is of another kind"));
        given().header("Authorization", f.dpo())
                .multiPart("file", "setup.exe", exe, "application/octet-stream")
                .post(f.base() + "/documents")
                .then()
                .statusCode(415);
        given().header("Authorization", f.dpo())
                .multiPart(
                        "file",
                        "broken.pdf",
                        "%PDF-1.7 but nothing else".getBytes(StandardCharsets.US_ASCII),
                        "application/pdf")
                .post(f.base() + "/documents")
                .then()
                .statusCode(415)
                .body("detail", containsString("cannot be read"));
        given().header("Authorization", f.dpo())
                .multiPart("file", "data.json", "{not json".getBytes(StandardCharsets.UTF_8), "application/json")
                .post(f.base() + "/documents")
                .then()
                .statusCode(415);
        given().header("Authorization", f.dpo())
                .multiPart("file", "photo.png", png(), "image/jpeg")
                .post(f.base() + "/documents")
                .then()
                .statusCode(415)
                .body("detail", containsString("sent as image/jpeg"));
        // one good file and one disguised one: neither is stored
        given().header("Authorization", f.dpo())
                .multiPart("file", "ok.txt", "fine".getBytes(StandardCharsets.UTF_8), "text/plain")
                .multiPart("file", "bad.png", exe, "image/png")
                .post(f.base() + "/documents")
                .then()
                .statusCode(415);
        given().header("Authorization", f.dpo())
                .multiPart("description", "no file")
                .post(f.base() + "/documents")
                .then()
                .statusCode(400);
        assertThat(f.documents()).isZero();
    }

    @Test
    void filesOverThePerFileOrPerRequestLimitAre413AndNothingIsStored() {
        Fixture f = educationalRecordRequest();
        byte[] big = new byte[310 * 1024];
        Arrays.fill(big, (byte) 'a');
        given().header("Authorization", f.dpo())
                .multiPart("file", "big.txt", big, "text/plain")
                .post(f.base() + "/documents")
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("detail", containsString("at most 307200 bytes"));
        byte[] part = Arrays.copyOf(big, 200 * 1024);
        given().header("Authorization", f.dpo())
                .multiPart("file", "a.txt", part, "text/plain")
                .multiPart("file", "b.txt", part, "text/plain")
                .post(f.base() + "/documents")
                .then()
                .statusCode(201);
        given().header("Authorization", f.dpo())
                .multiPart("file", "c.txt", part, "text/plain")
                .post(f.base() + "/documents")
                .then()
                .statusCode(413)
                .body("detail", containsString("add up to at most"));
        assertThat(f.documents()).isEqualTo(2);
    }

    @Test
    void aJsonBodyOverOneMegabyteIs413EvenThoughUploadsMayBeLarger() {
        Fixture f = educationalRecordRequest();
        String huge = "x".repeat(1_100_000);
        given().header("Authorization", f.dpo())
                .contentType(ContentType.JSON)
                .body(Map.of("question", huge))
                .post(f.base() + "/clarification-requests")
                .then()
                .statusCode(413)
                .contentType("application/problem+json");
    }

    @Test
    void onlyStaffUploadAndTheRequesterDownloadsOnlyOnceCompleted() throws IOException {
        Fixture f = educationalRecordRequest();
        given().header(
                        "Authorization",
                        TestTokens.role("parent")
                                .school(f.school().urn)
                                .subject("G-x")
                                .bearer())
                .multiPart("file", "a.txt", "x".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post(f.base() + "/documents")
                .then()
                .statusCode(403);
        String docId = given().header("Authorization", f.dpo())
                .multiPart("file", "a.txt", "hello".getBytes(StandardCharsets.UTF_8), "text/plain")
                .post(f.base() + "/documents")
                .then()
                .statusCode(201)
                .extract()
                .path("[0].id");
        given().header("Authorization", f.dpo())
                .get(f.base() + "/documents/" + docId + "/content")
                .then()
                .statusCode(200)
                .contentType(containsString("text/plain"))
                .body(is("hello"));
        given().header("Authorization", f.dpo())
                .get(f.base() + "/documents/" + java.util.UUID.randomUUID() + "/content")
                .then()
                .statusCode(404);
    }

    /**
     * Issue 16, finding 14: a name disguised with format characters (here U+202E RIGHT-TO-LEFT OVERRIDE and U+200B
     * ZERO WIDTH SPACE) is stored without them, and downloaded with an ASCII fallback and its UTF-8 name.
     */
    @Test
    void fileNamesLoseFormatCharactersAndDownloadWithTheirUtf8Name() {
        Fixture f = educationalRecordRequest();
        String boundary = "custodian-test-boundary";
        byte[] body = ("--" + boundary
                        + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"r\u200B\u00e9sum\u00e9"
                        + "\u202Etxt.txt\"\r\nContent-Type: text/plain\r\n\r\nhello\r\n--" + boundary + "--\r\n")
                .getBytes(StandardCharsets.UTF_8);
        String docId = given().header("Authorization", f.dpo())
                .contentType("multipart/form-data; boundary=" + boundary)
                .body(body)
                .post(f.base() + "/documents")
                .then()
                .statusCode(201)
                .body("[0].filename", is("r\u00e9sum\u00e9txt.txt"))
                .extract()
                .path("[0].id");
        given().header("Authorization", f.dpo())
                .get(f.base() + "/documents/" + docId + "/content")
                .then()
                .statusCode(200)
                .header(
                        "Content-Disposition",
                        is("attachment; filename=\"r_sum_txt.txt\"; filename*=UTF-8''r%C3%A9sum%C3%A9txt.txt"))
                .header("X-Content-Type-Options", is("nosniff"));
    }
}
