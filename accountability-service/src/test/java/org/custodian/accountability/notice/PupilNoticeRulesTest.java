package org.custodian.accountability.notice;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.custodian.accountability.notice.PupilNoticeRules.Part;
import org.custodian.accountability.notice.PupilNoticeRules.PupilNotice;
import org.junit.jupiter.api.Test;

/** Worked examples of the notice for pupils, made from the notice for parents. */
class PupilNoticeRulesTest {

    private static final int MOST_WORDS_IN_A_SENTENCE = 20;

    static NoticeContent cassiobury() {
        return NoticeRules.generate(NoticeRulesTest.cassiobury(), NoticeRulesTest.TODAY, DraftText.NONE);
    }

    static Map<String, Part> parts(PupilNotice notice) {
        return notice.parts().stream().collect(Collectors.toMap(Part::id, Function.identity()));
    }

    static String all(Part part) {
        return String.join(
                " ",
                Arrays.asList(
                        part.heading(),
                        String.join(" ", part.paragraphs()),
                        String.join(" ", part.points()),
                        String.join(" ", part.afterPoints())));
    }

    /** The sentences of a text: ended by '.', '!', '?' or ':' before a space, or by the end of the text. */
    static List<String> sentences(String text) {
        return Arrays.stream(text.split("(?<=[.!?:])\\s+"))
                .map(String::strip)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static int words(String sentence) {
        return sentence.split("\\s+").length;
    }

    @Test
    void everySentenceIsShort() {
        PupilNotice notice = PupilNoticeRules.of(cassiobury());
        List<String> sentences = PupilNoticeRules.text(notice).stream()
                .flatMap(t -> sentences(t).stream())
                .toList();
        assertThat(sentences).hasSizeGreaterThan(40);
        assertThat(sentences)
                .as("sentences of more than %d words", MOST_WORDS_IN_A_SENTENCE)
                .allSatisfy(s -> assertThat(words(s)).as(s).isLessThanOrEqualTo(MOST_WORDS_IN_A_SENTENCE));
        double average = sentences.stream()
                .mapToInt(PupilNoticeRulesTest::words)
                .average()
                .orElseThrow();
        assertThat(average).as("words in an average sentence").isLessThan(10);
    }

    @Test
    void itSaysWhatTheSchoolKnowsInAChildsWords() {
        Map<String, Part> parts = parts(PupilNoticeRules.of(cassiobury()));
        assertThat(parts.get("about-you").points())
                .contains("Your test results.", "Photos of you.", "When you are at school, and when you are away.")
                .noneMatch(p -> p.contains("identification documents"));
        assertThat(parts.get("about-you").afterPoints())
                .contains("Some of these we only keep if you or your parents say yes.")
                .contains("Some of these are extra private, like your background and your finger scan. We take extra"
                        + " care of them.");
        assertThat(parts.get("why").points())
                .contains(
                        "To help you learn, and to see how you are getting on.", "To look after you and keep you safe.")
                .noneMatch(p -> p.contains("share data with"));
    }

    @Test
    void whoItTellsIsNamedWithWhyInAChildsWords() {
        Part who = parts(PupilNoticeRules.of(cassiobury())).get("who-we-tell");
        assertThat(who.points())
                .contains("Department for Education. The law says we must tell them. They use it for: School census.");
        // Wonde's agreement ended the day before: still listed, with no reason of its own
        assertThat(who.points()).anyMatch(p -> p.startsWith("Wonde helps us run the school."));
        assertThat(who.afterPoints()).containsExactly("We keep your information in the UK.");
    }

    @Test
    void eachConsentPurposeIsSomethingToSayYesOrNoToAndToChangeYourMindAbout() {
        Part yesOrNo = parts(PupilNoticeRules.of(cassiobury())).get("yes-or-no");
        assertThat(yesOrNo.points()).containsExactly("Photos on the school website.", "Biometric catering.");
        assertThat(yesOrNo.afterPoints())
                .contains("You can change your mind at any time.")
                .contains("Until you are 13, your parents or carers usually decide. From 13, we will ask you too.");

        NoticeContent n = cassiobury();
        NoticeContent noConsent = new NoticeContent(
                n.controller(),
                n.introduction(),
                n.categories(),
                n.uses(),
                List.of(),
                n.recipients(),
                n.transfers(),
                n.retention(),
                n.sources(),
                n.automatedDecisions(),
                n.rights(),
                n.complaints(),
                n.localExplanations());
        Part nothing = parts(PupilNoticeRules.of(noConsent)).get("yes-or-no");
        assertThat(nothing.points()).isEmpty();
        assertThat(nothing.paragraphs()).containsExactly("Right now, we do not ask you to say yes or no to anything.");
    }

    @Test
    void howLongIsSaidToThePupilWithALinkToTheSchedule() {
        Part howLong = parts(PupilNoticeRules.of(cassiobury())).get("how-long");
        assertThat(howLong.paragraphs())
                .contains(
                        "Some things we keep for 6 years after the record is made.",
                        "Some things we keep until you are 25 years old.");
        assertThat(howLong.links())
                .singleElement()
                .satisfies(l -> assertThat(l.href()).isEqualTo("/public/v1/schools/100001/retention-schedule"));
        assertThat(PupilNoticeRules.forYou("6 years after the pupil leaves the school"))
                .isEqualTo("for 6 years after you leave the school");
    }

    @Test
    void theRightsAreInAChildsWordsWithWhoToTalkToAndTheIco() {
        PupilNotice notice = PupilNoticeRules.of(cassiobury());
        Map<String, Part> parts = parts(notice);
        assertThat(parts.get("your-rights").points())
                .containsExactly(
                        "Ask to see what we know about you.",
                        "Ask us to fix anything that is wrong.",
                        "Ask us to stop using something, or to delete it.",
                        "Say no to something you said yes to before.",
                        "Complain if you think we got something wrong.");
        assertThat(parts.get("your-rights").afterPoints()).contains("From 13, you can ask for yourself.");
        assertThat(all(parts.get("who-to-talk-to")))
                .contains("Your teacher.", "A grown-up at home.", "Our data protection officer, Carole.")
                .contains("carole@dpo.example");
        assertThat(all(parts.get("ico"))).contains("Information Commissioner's Office", "0303 123 1113");
        assertThat(parts.get("more").links().getFirst().href()).isEqualTo("/public/v1/schools/100001/privacy-notice");
        assertThat(notice.introduction().getFirst()).isEqualTo("This page is for pupils at Cassiobury Infant School.");
    }
}
