package org.custodian.sar.bundle;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.multipdf.PDFMergerUtility;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.pdmodel.graphics.image.PDImageXObject;

/**
 * Renders the Art. 15 response JSON as a PDF a parent can read: what the school holds and why, who it was shared
 * with, how long it is kept, the rights and how to complain, then the data from each source and the uploaded
 * documents (PDF pages appended, images drawn, text printed). Plain PDFBox with the standard Helvetica fonts: text
 * outside their character set is shown without accents, or as '?'.
 */
public final class PdfRenderer {

    /** An uploaded document to append after the response. */
    public record Attachment(String filename, String mediaType, byte[] content) {}

    private static final float MARGIN = 50;
    private static final PDRectangle PAGE = PDRectangle.A4;

    private PdfRenderer() {}

    public static byte[] render(JsonNode content, List<Attachment> attachments) {
        try (PDDocument document = new PDDocument()) {
            Writer w = new Writer(document, ResponseWordingRules.of(content));
            title(w, content);
            information(w, content.path("information"));
            data(w, content);
            List<PDDocument> appended = new ArrayList<>();
            try {
                attachments(w, document, attachments, appended);
                w.close();
                pageNumbers(document, w.regular);
                PDDocumentInformation info = document.getDocumentInformation();
                info.setTitle(w.clean(titleOf(content)));
                info.setProducer("Custodian sar-service");
                ByteArrayOutputStream out = new ByteArrayOutputStream();
                document.save(out);
                return out.toByteArray();
            } finally {
                for (PDDocument d : appended) {
                    d.close();
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot render the response PDF", e);
        }
    }

    private static String titleOf(JsonNode content) {
        return switch (content.path("requestType").asText()) {
            case "EDUCATIONAL_RECORD" -> "Educational record";
            case "PORTABILITY" -> "Your data, to take with you";
            default -> "Your subject access response";
        };
    }

    private static void title(Writer w, JsonNode c) throws IOException {
        w.text(titleOf(c), w.bold, 18, 0);
        w.gap(4);
        JsonNode controller = c.path("controller");
        w.paragraph(controller.path("name").asText() + " (URN "
                + controller.path("urn").asText() + ") is the data controller."
                + (controller.has("dataProtectionOfficer")
                        ? " Data protection officer: "
                                + controller
                                        .path("dataProtectionOfficer")
                                        .path("name")
                                        .asText("") + " "
                                + controller
                                        .path("dataProtectionOfficer")
                                        .path("email")
                                        .asText("") + "."
                        : ""));
        w.paragraph(w.words.words("requestType", c.path("requestType")) + " "
                + c.path("requestId").asText()
                + " about " + c.path("subject").path("type").asText().toLowerCase() + " "
                + c.path("subject").path("id").asText()
                + ", received on " + c.path("receivedOn").asText()
                + (c.has("dueOn") ? ", due by " + c.path("dueOn").asText() : "")
                + ". This response was prepared on "
                + c.path("generatedAt").asText().substring(0, 10) + ".");
        if (c.path("information").hasNonNull("basedOn")) {
            w.paragraph(c.path("information").path("basedOn").asText());
        }
        if (c.path("missingSources").size() > 0) {
            w.heading("Information not included");
            for (JsonNode source : c.path("sources")) {
                if ("MISSING".equals(source.path("status").asText())) {
                    String waiver = "";
                    for (JsonNode wv : c.path("waivers")) {
                        if (wv.path("source")
                                .asText()
                                .equals(source.path("source").asText())) {
                            waiver = " The data protection officer recorded why: "
                                    + wv.path("reason").asText("");
                        }
                    }
                    String error = source.path("error").asText("");
                    w.bullet("The " + source.path("source").asText() + " records could not be retrieved"
                            + (error.isBlank() ? "" : " (" + error + ")") + "." + waiver);
                }
            }
        }
        withheld(w, c.path("withheld"));
    }

    /** What was kept back about other people, and under which exemption (never the values themselves). */
    private static void withheld(Writer w, JsonNode withheld) throws IOException {
        if (withheld.size() == 0) {
            return;
        }
        w.heading("Information about other people");
        w.paragraph(
                "Some of what we hold about your child also names or identifies other people. The law (UK GDPR Art. 15(4))"
                        + " protects their information too: where we have kept something back it is marked in the data below, and listed here.");
        for (JsonNode row : withheld) {
            String mentions =
                    row.path("occurrences").asInt() + (row.path("occurrences").asInt() == 1 ? " mention" : " mentions");
            String what = switch (row.path("state").asText()) {
                case "PENDING" -> "withheld while the data protection officer reviews it";
                case "REDACT" ->
                    "redacted under " + row.path("citation").asText() + " ("
                            + row.path("meaning").asText() + ")";
                default ->
                    "withheld under " + row.path("citation").asText() + " ("
                            + row.path("meaning").asText() + ")";
            };
            w.bullet(humanize(row.path("about").asText()) + " (" + mentions + "): " + what + ".");
        }
    }

    private static void information(Writer w, JsonNode info) throws IOException {
        w.heading("Why we hold this data");
        list(w, info.path("purposes"));
        w.subheading("Our lawful bases");
        if (info.path("uses").size() > 0) {
            for (JsonNode use : info.path("uses")) {
                w.bullet(use.path("purpose").asText() + ": "
                        + use.path("lawfulBasis").asText("")
                        + (use.hasNonNull("specialCategoryCondition")
                                ? "; " + use.path("specialCategoryCondition").asText()
                                : "")
                        + (use.hasNonNull("law") ? " (" + use.path("law").asText() + ")" : ""));
            }
        } else {
            list(w, info.path("lawfulBases"));
        }
        if (info.path("consentPurposes").size() > 0) {
            w.subheading("Purposes for which consent was asked about your child");
            list(w, info.path("consentPurposes"));
        }
        w.heading("The kinds of data we hold");
        list(w, info.path("categories"));
        w.heading("Who it has been shared with");
        if (info.path("recipients").size() > 0) {
            w.paragraph("From our disclosure log, your child's data has been shared with:");
            list(w, info.path("recipients"));
        } else {
            w.paragraph("Our disclosure log records no sharing of your child's data.");
        }
        w.subheading("The kinds of organisation we may share data with");
        for (JsonNode category : info.path("recipientCategories")) {
            List<String> named = new ArrayList<>();
            for (JsonNode r : info.path("namedRecipients")) {
                if (r.path("category").asText().equals(category.asText())) {
                    named.add(r.path("name").asText()
                            + (r.path("why").size() > 0 ? " (" + String.join("; ", texts(r.path("why"))) + ")" : ""));
                }
            }
            w.bullet(category.asText() + (named.isEmpty() ? "" : ": " + String.join(", ", named)));
        }
        w.heading("How long we keep it");
        for (JsonNode row : info.path("retention")) {
            w.bullet(w.words.words("recordClass", row.path("recordClass")) + ": "
                    + row.path("keptFor").asText("as our retention schedule sets")
                    + (row.has("until") ? ", until " + row.path("until").asText() : "")
                    + (row.has("waitingFor")
                            ? " (the date is set when " + row.path("waitingFor").asText() + ")"
                            : "")
                    + (row.has("then")
                            ? ", then "
                                    + w.words.words("then", row.path("then")).toLowerCase(java.util.Locale.UK)
                            : "")
                    + (row.path("onLegalHold").asBoolean(false) ? "; kept longer under a legal hold" : ""));
        }
        w.paragraph(info.path("retentionPolicy").asText());
        w.heading("Where the data came from");
        w.paragraph(info.path("source").asText());
        w.heading("Automated decision-making");
        w.paragraph(info.path("automatedDecisionMaking").path("statement").asText());
        w.heading("Transfers outside the UK");
        w.paragraph(info.path("internationalTransfers").asText());
        if (info.has("educationalRecord")) {
            w.heading("The educational record");
            w.paragraph(info.path("educationalRecord").asText());
        }
        if (info.has("portability")) {
            w.heading("Portability");
            w.paragraph(info.path("portability").asText());
        }
        w.heading("Your rights");
        list(w, info.path("rights"));
        w.heading("How to complain");
        JsonNode complaints = info.path("complaints");
        w.paragraph(complaints.path("firstContact").asText());
        w.paragraph("You can also complain to the " + complaints.path("ico").asText() + ":");
        w.bullet("Report a concern online at " + complaints.path("online").asText());
        w.bullet("Call " + complaints.path("telephone").asText());
        w.bullet("Or write to: " + complaints.path("address").asText());
    }

    private static void data(Writer w, JsonNode c) throws IOException {
        w.heading("The data we hold");
        for (JsonNode source : c.path("sources")) {
            if (!"PRESENT".equals(source.path("status").asText())) {
                continue;
            }
            w.subheading("From "
                    + source.path("service").asText(source.path("source").asText()));
            if (source.hasNonNull("summary")) {
                w.paragraph(source.path("summary").asText());
            }
            node(w, null, source.path("data"), 0);
        }
        if (c.path("documents").size() > 0) {
            w.subheading("Documents");
            for (JsonNode d : c.path("documents")) {
                w.bullet(
                        d.path("filename").asText() + " (" + d.path("mediaType").asText() + ", "
                                + d.path("sizeBytes").asLong() + " bytes)"
                                + (d.hasNonNull("description")
                                        ? ": " + d.path("description").asText()
                                        : "") + ". Included after this page.");
            }
        }
    }

    /** A generic, readable rendering of any JSON: objects of plain values on one line, nested ones indented. */
    private static void node(Writer w, String label, JsonNode node, int depth) throws IOException {
        int indent = Math.min(depth, 6) * 12;
        if (node.isNull() || node.isMissingNode()) {
            return;
        }
        if (node.isValueNode()) {
            w.text((label == null ? "" : humanize(label) + ": ") + w.words.words(label, node), w.regular, 9, indent);
        } else if (node.isObject()) {
            if (flat(node)) {
                w.text((label == null ? "" : humanize(label) + ": ") + inline(w, node), w.regular, 9, indent);
                return;
            }
            if (label != null) {
                w.text(humanize(label), w.bold, 9, indent);
            }
            Iterator<Map.Entry<String, JsonNode>> fields = w.words.printed(node);
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                node(w, field.getKey(), field.getValue(), label == null ? depth : depth + 1);
            }
        } else if (node.isArray()) {
            w.text((label == null ? "Items" : humanize(label)) + " (" + node.size() + ")", w.bold, 9, indent);
            for (JsonNode item : node) {
                if (item.isNull()) {
                    continue;
                }
                if (item.isObject() && flat(item)) {
                    w.text("- " + inline(w, item), w.regular, 9, indent + 12);
                } else if (item.isValueNode()) {
                    w.text("- " + w.words.words(label, item), w.regular, 9, indent + 12);
                } else {
                    node(w, null, item, depth + 1);
                }
            }
        }
    }

    private static boolean flat(JsonNode object) {
        for (JsonNode value : object) {
            if (value.isContainerNode()) {
                return false;
            }
        }
        return true;
    }

    private static String inline(Writer w, JsonNode object) {
        StringBuilder line = new StringBuilder();
        Iterator<Map.Entry<String, JsonNode>> fields = w.words.printed(object);
        while (fields.hasNext()) {
            Map.Entry<String, JsonNode> field = fields.next();
            if (!line.isEmpty()) {
                line.append("; ");
            }
            line.append(humanize(field.getKey())).append(": ").append(w.words.words(field.getKey(), field.getValue()));
        }
        return line.toString();
    }

    static String humanize(String key) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < key.length(); i++) {
            char c = key.charAt(i);
            if (Character.isUpperCase(c) && i > 0) {
                out.append(' ').append(Character.toLowerCase(c));
            } else {
                out.append(i == 0 ? Character.toUpperCase(c) : c);
            }
        }
        return out.toString();
    }

    private static List<String> texts(JsonNode values) {
        List<String> texts = new ArrayList<>();
        values.forEach(v -> texts.add(v.asText()));
        return texts;
    }

    private static void list(Writer w, JsonNode values) throws IOException {
        for (JsonNode value : values) {
            if (!value.isNull()) {
                w.bullet(w.words.words(null, value));
            }
        }
    }

    private static void attachments(
            Writer w, PDDocument document, List<Attachment> attachments, List<PDDocument> appended) throws IOException {
        for (Attachment a : attachments) {
            switch (a.mediaType()) {
                case "application/pdf" -> {
                    w.close();
                    PDDocument source = Loader.loadPDF(a.content());
                    appended.add(source);
                    new PDFMergerUtility().appendDocument(document, source);
                }
                case "image/png", "image/jpeg", "image/gif" -> {
                    w.newPage();
                    w.text(a.filename(), w.bold, 11, 0);
                    PDImageXObject image = PDImageXObject.createFromByteArray(document, a.content(), a.filename());
                    float width = PAGE.getWidth() - 2 * MARGIN;
                    float height = w.y - MARGIN;
                    float scale = Math.min(1f, Math.min(width / image.getWidth(), height / image.getHeight()));
                    w.image(image, image.getWidth() * scale, image.getHeight() * scale);
                    w.close();
                }
                default -> {
                    w.newPage();
                    w.text(a.filename(), w.bold, 11, 0);
                    w.gap(4);
                    for (String line : new String(a.content(), StandardCharsets.UTF_8).split("\\r?\\n|\\r|\\f")) {
                        w.text(line, w.mono, 8, 0);
                    }
                    w.close();
                }
            }
        }
    }

    private static void pageNumbers(PDDocument document, PDType1Font font) throws IOException {
        int total = document.getNumberOfPages();
        int number = 0;
        for (PDPage page : document.getPages()) {
            number++;
            try (PDPageContentStream stream =
                    new PDPageContentStream(document, page, PDPageContentStream.AppendMode.APPEND, true, true)) {
                stream.beginText();
                stream.setFont(font, 8);
                stream.newLineAtOffset(page.getMediaBox().getWidth() - MARGIN - 60, 25);
                stream.showText("Page " + number + " of " + total);
                stream.endText();
            }
        }
    }

    /** Lays out wrapped lines top to bottom, page after page. */
    private static final class Writer {
        final PDDocument document;
        final ResponseWordingRules words;
        final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
        final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
        final PDType1Font mono = new PDType1Font(Standard14Fonts.FontName.COURIER);
        private final Boolean[] encodable = new Boolean[0x10000];
        PDPageContentStream stream;
        float y;

        Writer(PDDocument document, ResponseWordingRules words) {
            this.document = document;
            this.words = words;
        }

        void heading(String text) throws IOException {
            gap(10);
            text(text, bold, 13, 0);
            gap(2);
        }

        void subheading(String text) throws IOException {
            gap(6);
            text(text, bold, 11, 0);
        }

        void paragraph(String text) throws IOException {
            text(text, regular, 10, 0);
            gap(3);
        }

        void bullet(String text) throws IOException {
            text("- " + text, regular, 10, 10);
        }

        void gap(float points) {
            y -= points;
        }

        void newPage() throws IOException {
            close();
            PDPage page = new PDPage(PAGE);
            document.addPage(page);
            stream = new PDPageContentStream(document, page);
            y = PAGE.getHeight() - MARGIN;
        }

        void close() throws IOException {
            if (stream != null) {
                stream.close();
                stream = null;
            }
        }

        void image(PDImageXObject image, float width, float height) throws IOException {
            y -= height + 6;
            stream.drawImage(image, MARGIN, y, width, height);
        }

        void text(String raw, PDType1Font font, float size, float indent) throws IOException {
            String text = clean(raw);
            float width = PAGE.getWidth() - 2 * MARGIN - indent;
            for (String line : wrap(text, font, size, width)) {
                if (stream == null || y - size * 1.3f < MARGIN) {
                    newPage();
                }
                y -= size * 1.3f;
                stream.beginText();
                stream.setFont(font, size);
                stream.newLineAtOffset(MARGIN + indent, y);
                stream.showText(line);
                stream.endText();
            }
        }

        private List<String> wrap(String text, PDType1Font font, float size, float width) throws IOException {
            List<String> lines = new ArrayList<>();
            StringBuilder line = new StringBuilder();
            float lineWidth = 0;
            float space = font.getStringWidth(" ") * size / 1000;
            for (String word : text.split(" ")) {
                float wordWidth = font.getStringWidth(word) * size / 1000;
                while (wordWidth > width) { // a word longer than the line: cut it
                    int fit = Math.max(1, (int) (word.length() * width / wordWidth) - 1);
                    if (!line.isEmpty()) {
                        lines.add(line.toString());
                        line.setLength(0);
                        lineWidth = 0;
                    }
                    lines.add(word.substring(0, fit));
                    word = word.substring(fit);
                    wordWidth = font.getStringWidth(word) * size / 1000;
                }
                if (!line.isEmpty() && lineWidth + space + wordWidth > width) {
                    lines.add(line.toString());
                    line.setLength(0);
                    lineWidth = 0;
                }
                if (!line.isEmpty()) {
                    line.append(' ');
                    lineWidth += space;
                }
                line.append(word);
                lineWidth += wordWidth;
            }
            lines.add(line.toString());
            return lines;
        }

        /** Text the standard fonts can show: tabs as spaces, accents dropped where the letter has none, the rest as '?'. */
        String clean(String raw) {
            String text =
                    raw == null ? "" : raw.replace('\t', ' ').replace('\r', ' ').replace('\n', ' ');
            StringBuilder out = new StringBuilder(text.length());
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                if (canShow(c)) {
                    out.append(c);
                    continue;
                }
                String stripped = Normalizer.normalize(String.valueOf(c), Normalizer.Form.NFD)
                        .replaceAll("\\p{M}", "");
                out.append(!stripped.isEmpty() && canShow(stripped.charAt(0)) ? stripped.charAt(0) : '?');
            }
            return out.toString();
        }

        private boolean canShow(char c) {
            if (c < 0x20) {
                return false;
            }
            Boolean known = encodable[c];
            if (known == null) {
                try {
                    regular.encode(String.valueOf(c));
                    known = Boolean.TRUE;
                } catch (IllegalArgumentException | IOException e) {
                    known = Boolean.FALSE;
                }
                encodable[c] = known;
            }
            return known;
        }
    }
}
