package org.custodian.sar.notice;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** What an answer says of the notice it relied on: the version in words, the ICO, the warning when there is none. */
class SchoolNoticeTest {

    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final NoticeUsed V2 = new NoticeUsed(2, "ab".repeat(32), Instant.parse("2026-06-30T23:30:00Z"));

    private static SchoolNotice publishedWithIco(String online) {
        ObjectNode content = MAPPER.createObjectNode();
        ObjectNode ico =
                content.putObject("complaints").put("school", "Ask us first.").putObject("ico");
        ico.put("name", "Information Commissioner's Office")
                .put("online", online)
                .put("telephone", "0303 123 1113");
        return SchoolNotice.published(V2, content);
    }

    @Test
    void theRightToComplainComesFromTheNoticeAndNamesItsVersionOnTheDayInEngland() {
        SchoolNotice notice = publishedWithIco("https://ico.org.uk/make-a-complaint/");
        // 23:30 UTC on 30 June is already 1 July in London (BST): the day is England's
        assertThat(notice.version()).isEqualTo("version 2, published on 1 July 2026");
        assertThat(notice.rightToComplain())
                .startsWith("As our privacy notice (version 2, published on 1 July 2026) says, you have the right to"
                        + " complain to the Information Commissioner's Office")
                .contains("https://ico.org.uk/make-a-complaint/", "0303 123 1113");
        assertThat(notice.warning()).isNull();
        assertThat(notice.inWords()).contains("our privacy notice, version 2, published on 1 July 2026");
    }

    @Test
    void aPartTheNoticeLacksIsTheStatutoryMinimums() {
        // no address in the notice: the minimum's, never "null"
        Ico ico = publishedWithIco("https://ico.org.uk/make-a-complaint/").ico();
        assertThat(ico.online()).isEqualTo("https://ico.org.uk/make-a-complaint/");
        assertThat(ico.address()).isEqualTo(StatutoryMinimum.ICO.address());
        assertThat(SchoolNotice.published(V2, MAPPER.createObjectNode()).ico()).isEqualTo(StatutoryMinimum.ICO);
    }

    @Test
    void withoutANoticeTheMinimumAndAWarningSayingWhy() {
        SchoolNotice none = SchoolNotice.statutoryMinimum("accountability-service answered HTTP 503");
        assertThat(none.isPublished()).isFalse();
        assertThat(none.used()).isNull();
        assertThat(none.version()).isNull();
        assertThat(none.ico()).isEqualTo(StatutoryMinimum.ICO);
        assertThat(none.rightToComplain()).isEqualTo(StatutoryMinimum.RIGHT_TO_COMPLAIN);
        assertThat(none.warning())
                .contains("privacy notice was not available: accountability-service answered HTTP 503.")
                .contains("statutory minimum");
        assertThat(none.inWords()).contains("could not be consulted", "UK GDPR Art. 15(1) and (2)");
    }
}
