package org.custodian.sar.bundle;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.TextNode;
import org.junit.jupiter.api.Test;

/** Worked examples: what the parent's PDF prints for a value. */
class ResponseWordingRulesTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static ResponseWordingRules wording() throws Exception {
        return ResponseWordingRules.of(MAPPER.readTree("""
                {"sources":[{"source":"consent","data":{"consents":[
                  {"purpose":"PHOTO_SOCIAL_MEDIA","title":"Photos on the school's social media","status":"GRANTED"}]}}]}
                """));
    }

    @Test
    void aPurposeCodeReadsAsItsTitleWhereverItIs() throws Exception {
        ResponseWordingRules w = wording();
        assertThat(w.words("purpose", TextNode.valueOf("PHOTO_SOCIAL_MEDIA")))
                .isEqualTo("Photos on the school's social media");
        assertThat(w.words(null, TextNode.valueOf("PHOTO_SOCIAL_MEDIA")))
                .isEqualTo("Photos on the school's social media");
        // a code the school has no title for still reads as words
        assertThat(w.words("purpose", TextNode.valueOf("TRIP_12"))).isEqualTo("Trip 12");
    }

    @Test
    void lawfulBasesStatusesAndOtherCodesInWordsButIdsAndTextUntouched() throws Exception {
        ResponseWordingRules w = wording();
        assertThat(w.words("lawfulBasis", TextNode.valueOf("PUBLIC_TASK")))
                .isEqualTo("Public task (UK GDPR Art. 6(1)(e))");
        assertThat(w.words("agreementBasis", TextNode.valueOf("CONSENT"))).isEqualTo("Consent (UK GDPR Art. 6(1)(a))");
        assertThat(w.words("basis", TextNode.valueOf("LEGAL_OBLIGATION")))
                .isEqualTo("Legal obligation (UK GDPR Art. 6(1)(c))");
        assertThat(w.words("recipientKind", TextNode.valueOf("CONTROLLER")))
                .isEqualTo("An organisation that decides for itself how it uses the data (a controller)");
        assertThat(w.words("recordClass", TextNode.valueOf("ADMISSION_ATTENDANCE_REGISTERS")))
                .isEqualTo("Admission attendance registers");
        assertThat(w.words("status", TextNode.valueOf("WITHDRAWN"))).isEqualTo("Consent withdrawn");
        assertThat(w.words("method", TextNode.valueOf("PAPER"))).isEqualTo("On a paper form");
        assertThat(w.words("then", TextNode.valueOf("SECURE_DESTRUCTION"))).isEqualTo("Secure destruction");
        assertThat(w.words("requestType", TextNode.valueOf("ACCESS"))).isEqualTo("Subject access request");
        assertThat(w.words("pupilId", TextNode.valueOf("P42"))).isEqualTo("P42");
        assertThat(w.words("system", TextNode.valueOf("MIS"))).isEqualTo("MIS");
        assertThat(w.words("reason", TextNode.valueOf("Termly census return"))).isEqualTo("Termly census return");
        assertThat(w.words("permitted", MAPPER.getNodeFactory().booleanNode(true)))
                .isEqualTo("Yes");
    }

    @Test
    void nullsAndIdsBesideANameAreNotPrinted() throws Exception {
        ResponseWordingRules w = wording();
        JsonNode row = MAPPER.readTree("""
                {"recipientId":"9b2f","recipientName":"Wonde Ltd","deliveredAt":null,"purpose":"PHOTO_SOCIAL_MEDIA",
                 "title":"Photos on the school's social media"}""");
        java.util.List<String> printed = new java.util.ArrayList<>();
        w.printed(row).forEachRemaining(e -> printed.add(e.getKey()));
        assertThat(printed).containsExactly("recipientName", "purpose");
        assertThat(w.words("x", NullNode.getInstance())).isEmpty();
    }
}
