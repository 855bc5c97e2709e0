package org.custodian.sar.notice;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.custodian.platform.time.LegalTime;

/**
 * The privacy notice one answer relies on: the school's published version (as accountability-service served it, with
 * its number, hash and date), or, when the school has published none or accountability-service did not answer, the
 * {@link StatutoryMinimum} and why the notice was not available. Asked for afresh for each answer, never cached: a
 * newly published version is the one the next answer uses.
 *
 * @param used the version relied on; null: the statutory minimum
 * @param content the notice's content (accountability-service's {@code PrivacyNoticeContent}); null with {@code used}
 * @param unavailable why the notice was not available; null when it was
 */
public record SchoolNotice(NoticeUsed used, JsonNode content, String unavailable) {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

    public static SchoolNotice published(NoticeUsed used, JsonNode content) {
        return new SchoolNotice(used, content, null);
    }

    public static SchoolNotice statutoryMinimum(String why) {
        return new SchoolNotice(null, null, why);
    }

    /** Whether the school's published notice is relied on (else the statutory minimum). */
    public boolean isPublished() {
        return used != null;
    }

    /** The ICO's contact details: the notice's, each part the statutory minimum's where the notice has none. */
    public Ico ico() {
        if (!isPublished()) {
            return StatutoryMinimum.ICO;
        }
        JsonNode ico = content.path("complaints").path("ico");
        return new Ico(
                text(ico, "name", StatutoryMinimum.ICO.name()),
                text(ico, "online", StatutoryMinimum.ICO.online()),
                text(ico, "telephone", StatutoryMinimum.ICO.telephone()),
                text(ico, "address", StatutoryMinimum.ICO.address()));
    }

    /** What a refusal, a fee, a partial or refused decision and a complaint's answer say of the ICO. */
    public String rightToComplain() {
        String sentence = StatutoryMinimum.rightToComplain(ico());
        if (!isPublished()) {
            return sentence;
        }
        return "As our privacy notice (" + version() + ") says, y" + sentence.substring(1);
    }

    /** "version 2, published on 1 March 2026" (the day in England). */
    public String version() {
        if (!isPublished()) {
            return null;
        }
        return "version " + used.version()
                + (used.publishedAt() == null
                        ? ""
                        : ", published on " + DAY.format(LegalTime.dayOf(used.publishedAt())));
    }

    /** What the response tells its reader about where its information about the school's processing comes from. */
    public String inWords() {
        if (isPublished()) {
            return "What this response says about why we hold personal data, on which lawful basis, who we share"
                    + " it with, how long we keep it, where it comes from and your rights is taken from our privacy"
                    + " notice, " + version() + ".";
        }
        return "Our privacy notice could not be consulted when this response was prepared, so what it says about"
                + " why we hold personal data, who we share it with, how long we keep it, where it comes from and your"
                + " rights is the information the law requires us to give (UK GDPR Art. 15(1) and (2)).";
    }

    /** The warning to the DPO when the notice was not available; null when it was. */
    public String warning() {
        if (isPublished()) {
            return null;
        }
        return "The school's published privacy notice was not available: " + unavailable + ". The response gives the"
                + " statutory minimum instead of what the school's own notice promises. Publish the notice"
                + " (accountability-service, POST .../privacy-notice/draft/publication) or see why it did not answer,"
                + " then assemble the response again.";
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode value = node.get(field);
        return value != null && value.isTextual() && !value.asText().isBlank() ? value.asText() : fallback;
    }
}
