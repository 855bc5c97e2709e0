package org.custodian.sar.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;

/**
 * A published privacy notice as accountability-service's internal export answers it
 * ({@code {urn, version, hash, publishedAt, publishedBy, changedSections, content}}, the content in the shape of its
 * {@code NoticeContent}, each generated part with the facts it came from), for the stand-in to serve.
 */
public final class PublishedNotices {

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** The ICO as accountability-service's notices give it (its web address differs from the statutory minimum's). */
    public static final String ICO_ONLINE = "https://ico.org.uk/make-a-complaint/";

    public static final String ICO_TELEPHONE = "0303 123 1113";

    /** A named recipient of the notice: its category (the notice's group), its name and why it receives data. */
    public record Recipient(String category, String name, String why, String basis) {}

    public static final Recipient WONDE = new Recipient(
            "Educational platforms and apps",
            "Wonde",
            "Keep the classroom apps' class lists in step with the MIS",
            "Public task (UK GDPR Art. 6(1)(e))");

    public static final Recipient DFE = new Recipient(
            "Central government, including the Department for Education",
            "Department for Education",
            "School census",
            "Legal obligation (UK GDPR Art. 6(1)(c))");

    private PublishedNotices() {}

    /** The version, published at the given instant, naming these recipients. */
    public static Version version(String urn, int version, Instant publishedAt, List<Recipient> recipients) {
        ObjectNode content = MAPPER.createObjectNode();
        content.putObject("controller")
                .put("schoolName", "Test School " + urn)
                .put("urn", urn)
                .put("dpoName", "Carole DPO")
                .put("dpoEmail", "carole@schooldposervice.com")
                .putArray("from")
                .addObject()
                .put("kind", "SCHOOL")
                .put("key", urn)
                .put("version", 1);
        content.put("introduction", "This notice explains how we use pupils' personal data.");
        ArrayNode categories = content.putArray("categories");
        category(categories, "CONTACT", "Contact details and contact preferences", false, true);
        category(categories, "ATTENDANCE", "Attendance information", false, true);
        category(categories, "MEDICAL", "Medical conditions, including physical and mental health", true, true);
        category(categories, "PHOTOGRAPHS", "Photographs and video", false, false);
        ArrayNode uses = content.putArray("uses");
        use(
                uses,
                "support pupils' learning, and monitor and report on their progress",
                "PUBLIC_TASK",
                "Public task (UK GDPR Art. 6(1)(e))",
                null,
                "Education Act 1996; Education Act 2002");
        use(
                uses,
                "provide pastoral care and protect pupils' welfare (safeguarding)",
                "LEGAL_OBLIGATION",
                "Legal obligation (UK GDPR Art. 6(1)(c))",
                "Substantial public interest (UK GDPR Art. 9(2)(g)): safeguarding of children and individuals at risk"
                        + " (DPA 2018 Sch. 1 para 18)",
                "Education Act 2002 s.175");
        use(uses, "photos on the school website", "CONSENT", "Consent (UK GDPR Art. 6(1)(a))", null, null);
        content.putArray("consentPurposes")
                .addObject()
                .put("code", "PHOTOS_WEBSITE")
                .put("version", 1)
                .put("title", "Photos on the school website")
                .put("wording", "We would like to put photos of your child on our website.")
                .put("howToWithdraw", "Tell us at any time, through the parent app or by writing to the school office.")
                .putArray("from");
        ArrayNode groups = content.putArray("recipients");
        recipients.stream().map(Recipient::category).distinct().sorted().forEach(category -> {
            ObjectNode group = groups.addObject().put("category", category);
            ArrayNode named = group.putArray("recipients");
            recipients.stream().filter(r -> r.category().equals(category)).forEach(r -> {
                ObjectNode row = named.addObject()
                        .put("name", r.name())
                        .put("description", r.name() + ", a recipient of the school")
                        .put(
                                "role",
                                "uses the data only on our instructions, under a contract with us (a" + " processor)");
                row.putArray("why").add(r.why());
                row.putArray("bases").add(r.basis());
                row.putArray("from")
                        .addObject()
                        .put("kind", "RECIPIENT")
                        .put("key", r.name())
                        .put("version", 1);
            });
        });
        content.putArray("transfers")
                .addObject()
                .put("recipient", "Wonde")
                .put("country", "US")
                .put(
                        "safeguard",
                        "The UK's International Data Transfer Addendum to the EU standard contractual clauses")
                .putArray("from");
        ObjectNode retention = content.putObject("retention");
        retention.put(
                "summary",
                "We keep personal information about pupils while they attend the school, and beyond that only as long as"
                        + " our retention schedule says (test notice).");
        retention
                .putArray("classes")
                .addObject()
                .put("recordClass", "PUPIL_EDUCATIONAL_RECORD")
                .put("description", "Pupil educational record")
                .put("keptFor", "25 years from the pupil's date of birth")
                .put("then", "then securely destroyed")
                .putArray("from");
        retention.put("schedulePath", "/public/v1/schools/" + urn + "/retention-schedule");
        content.putArray("sources")
                .add("You and your child, when your child joins the school")
                .add("Your child's previous school, which passes on the educational record");
        content.put(
                "automatedDecisions",
                "No significant decision about your child is taken based solely on automated processing (test notice).");
        ArrayNode rights = content.putArray("rights");
        right(
                rights,
                "Access",
                "Ask for a copy of the personal data we hold about you or your child.",
                "Contact our data protection officer, Carole DPO, at carole@schooldposervice.com.");
        right(
                rights,
                "Objection",
                "Object to our use of data to perform a task in the public interest (UK GDPR Art. 21).",
                "Contact our data protection officer, Carole DPO, at carole@schooldposervice.com.");
        right(
                rights,
                "Complaint",
                "Complain to the school, and to the Information Commissioner's Office.",
                "See \"Complaints\".");
        content.putObject("complaints")
                .put(
                        "school",
                        "Please raise any complaint with us first: contact Carole DPO at carole@schooldposervice.com.")
                .putObject("ico")
                .put("name", "Information Commissioner's Office")
                .put("online", ICO_ONLINE)
                .put("telephone", ICO_TELEPHONE)
                .put(
                        "address",
                        "Information Commissioner's Office, Wycliffe House, Water Lane, Wilmslow, Cheshire, SK9 5AF");
        content.putObject("localExplanations")
                .put("biometrics", "We use fingerprints for school meals only with consent.");

        String hash = sha256(content.toString() + "|" + version);
        ObjectNode answer = MAPPER.createObjectNode()
                .put("urn", urn)
                .put("version", version)
                .put("hash", hash)
                .put("publishedAt", publishedAt.toString())
                .put("publishedBy", "dpo-1");
        answer.putArray("changedSections").add("recipients");
        answer.set("content", content);
        return new Version(version, hash, publishedAt, answer.toString());
    }

    /** A version as the stand-in serves it ({@code json}), and what a response should name of it. */
    public record Version(int version, String hash, Instant publishedAt, String json) {}

    private static void category(ArrayNode categories, String code, String title, boolean special, boolean mandatory) {
        categories
                .addObject()
                .put("code", code)
                .put("title", title)
                .put("specialCategory", special)
                .put("criminalOffenceData", false)
                .put("mandatory", mandatory)
                .put(
                        "ifNotGiven",
                        mandatory
                                ? "We collect this to meet our legal duties, so you must give it when we ask."
                                : "Giving it is your choice.")
                .putArray("from");
    }

    private static void use(
            ArrayNode uses, String purpose, String basis, String inWords, String condition, String law) {
        ObjectNode use = uses.addObject()
                .put("purpose", purpose)
                .put("lawfulBasis", basis)
                .put("lawfulBasisInWords", inWords)
                .put("specialCategoryCondition", condition)
                .put("law", law);
        use.putArray("from");
    }

    private static void right(ArrayNode rights, String name, String what, String how) {
        rights.addObject().put("name", name).put("what", what).put("how", how);
    }

    private static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
