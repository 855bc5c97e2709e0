package org.custodian.accountability.publication;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.cos.COSDictionary;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.cos.COSString;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.common.PDNumberTreeNode;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkInfo;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDParentTreeValue;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureTreeRoot;
import org.apache.pdfbox.pdmodel.documentinterchange.markedcontent.PDPropertyList;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.PDListAttributeObject;
import org.apache.pdfbox.pdmodel.documentinterchange.taggedpdf.StandardStructureTypes;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.interactive.viewerpreferences.PDViewerPreferences;

/**
 * A document as a tagged PDF, made with accessibility in mind (PDF/UA's requirements, without claiming conformance):
 * its language ({@code en-GB}) and title (in the document information and the XMP metadata, and shown by the viewer
 * instead of the file name); a structure tree ({@code Document}, {@code H1}–{@code H3}, {@code P}, {@code L} of
 * {@code LI} with {@code Lbl} and {@code LBody}) whose elements own the marked content that draws them, with the
 * parent tree that leads back; text in DejaVu Sans, embedded as a subset with its Unicode map (so it can be searched,
 * copied and read aloud), wrapped to the page and carried onto as many pages as it needs; page numbers as pagination
 * artifacts. The same blocks always make the same bytes (no dates, and a document id made from the content), so an
 * {@code ETag} can name them.
 */
public final class TaggedPdf {

    /** Text in one style. */
    public record Run(String text, boolean bold) {}

    /** What a document is made of, in reading order. */
    public sealed interface Block permits Heading, Paragraph, BulletList {}

    /** A heading of level 1 (the document's one title) to 3. */
    public record Heading(int level, String text) implements Block {}

    /** A paragraph; a {@code tight} one (a line of a record's fields) has little space after it. */
    public record Paragraph(List<Run> runs, boolean tight) implements Block {

        public Paragraph(List<Run> runs) {
            this(runs, false);
        }

        public static Paragraph of(String text) {
            return new Paragraph(List.of(new Run(text, false)));
        }

        /** A line such as "Lawful basis: …", the label in bold. */
        public static Paragraph labelled(String label, String value) {
            return new Paragraph(List.of(new Run(label + ": ", true), new Run(value, false)), true);
        }
    }

    /** A bulleted list; each item is text in runs. */
    public record BulletList(List<List<Run>> items) implements Block {

        public static BulletList of(List<String> items) {
            return new BulletList(
                    items.stream().map(i -> List.of(new Run(i, false))).toList());
        }
    }

    public enum Orientation {
        PORTRAIT,
        LANDSCAPE
    }

    private static final String LANGUAGE = "en-GB";
    private static final String PRODUCER = "Custodian accountability-service";
    private static final float MARGIN = 56;
    private static final float FOOTER = 28;
    private static final float BODY = 10.5f;
    private static final float LEADING = 1.4f;
    private static final float BULLET_INDENT = 16;

    private TaggedPdf() {}

    public static byte[] render(String title, Orientation orientation, List<Block> blocks) {
        PDRectangle size = orientation == Orientation.LANDSCAPE
                ? new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth())
                : PDRectangle.A4;
        try (PDDocument document = new PDDocument();
                Writer writer = new Writer(document, size)) {
            for (Block block : blocks) {
                switch (block) {
                    case Heading h -> writer.heading(h);
                    case Paragraph p -> writer.paragraph(p.runs(), p.tight() ? 2 : 6);
                    case BulletList l -> writer.list(l.items());
                }
            }
            writer.finish(title);
            describe(document, title, blocks);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot make the PDF " + title, e);
        }
    }

    private static void describe(PDDocument document, String title, List<Block> blocks) throws IOException {
        document.setVersion(1.7f);
        PDDocumentCatalog catalog = document.getDocumentCatalog();
        catalog.setLanguage(LANGUAGE);
        PDMarkInfo mark = new PDMarkInfo();
        mark.setMarked(true);
        catalog.setMarkInfo(mark);
        PDViewerPreferences preferences = new PDViewerPreferences(new COSDictionary());
        preferences.setDisplayDocTitle(true);
        catalog.setViewerPreferences(preferences);
        PDDocumentInformation info = document.getDocumentInformation();
        info.setTitle(title);
        info.setProducer(PRODUCER);
        info.setCreator(PRODUCER);
        PDMetadata metadata = new PDMetadata(document);
        metadata.importXMPMetadata(xmp(title).getBytes(StandardCharsets.UTF_8));
        catalog.setMetadata(metadata);
        byte[] id = fingerprint(title, blocks);
        COSArray ids = new COSArray();
        ids.add(new COSString(id));
        ids.add(new COSString(id));
        document.getDocument().setDocumentID(ids);
    }

    private static String xmp(String title) {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "<rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\""
                + " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                + "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + NoticePage.esc(title)
                + "</rdf:li></rdf:Alt></dc:title>\n"
                + "<dc:language><rdf:Bag><rdf:li>" + LANGUAGE + "</rdf:li></rdf:Bag></dc:language>\n"
                + "<dc:format>application/pdf</dc:format>\n"
                + "<pdf:Producer>" + PRODUCER + "</pdf:Producer>\n"
                + "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n<?xpacket end=\"w\"?>";
    }

    private static byte[] fingerprint(String title, List<Block> blocks) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            md5.update(title.getBytes(StandardCharsets.UTF_8));
            md5.update(blocks.toString().getBytes(StandardCharsets.UTF_8));
            return md5.digest();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The bundled fonts, read once (src/main/resources/fonts, with their licence). */
    private static final class Fonts {
        static final byte[] REGULAR = read("fonts/DejaVuSans.ttf");
        static final byte[] BOLD = read("fonts/DejaVuSans-Bold.ttf");

        private static byte[] read(String resource) {
            try (InputStream in = TaggedPdf.class.getClassLoader().getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("the font " + resource + " is missing from the class path");
                }
                return in.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read the font " + resource, e);
            }
        }
    }

    /** A word of a line, in its font, and whether a space comes before it. */
    private record Word(String text, PDType0Font font, float width, boolean spaceBefore) {}

    private record Line(List<Word> words) {}

    /** Lays the blocks out page by page, tagging each piece of text with the structure element it belongs to. */
    private static final class Writer implements AutoCloseable {

        private final PDDocument document;
        private final PDRectangle size;
        private final TrueTypeFont regularFont;
        private final TrueTypeFont boldFont;
        private final PDType0Font regular;
        private final PDType0Font bold;
        private final PDStructureTreeRoot root = new PDStructureTreeRoot();
        private final PDStructureElement body;
        private final Map<Integer, List<PDStructureElement>> parents = new HashMap<>();
        private final Map<PDType0Font, Map<Integer, Boolean>> glyphs = new HashMap<>();
        private PDPage page;
        private PDPageContentStream content;
        private float y;

        Writer(PDDocument document, PDRectangle size) throws IOException {
            this.document = document;
            this.size = size;
            this.regularFont = font(Fonts.REGULAR);
            this.boldFont = font(Fonts.BOLD);
            this.regular = PDType0Font.load(document, regularFont, true);
            this.bold = PDType0Font.load(document, boldFont, true);
            document.getDocumentCatalog().setStructureTreeRoot(root);
            body = new PDStructureElement(StandardStructureTypes.DOCUMENT, root);
            root.appendKid(body);
            newPage();
        }

        /**
         * The font without its glyph substitutions: PDFBox would otherwise draw "fi" and "ffi" as ligature glyphs, and
         * the text would read "oﬃcer" to search, copying and screen readers.
         */
        private static TrueTypeFont font(byte[] bytes) throws IOException {
            TrueTypeFont font = new TTFParser().parse(new RandomAccessReadBuffer(bytes));
            font.setEnableGsub(false);
            return font;
        }

        /** Closes the fonts, once the document that embeds their subsets is saved. */
        @Override
        public void close() throws IOException {
            regularFont.close();
            boldFont.close();
        }

        private float width() {
            return size.getWidth() - 2 * MARGIN;
        }

        private void newPage() throws IOException {
            if (content != null) {
                content.close();
            }
            page = new PDPage(size);
            page.getCOSObject().setItem(COSName.getPDFName("Tabs"), COSName.S);
            page.setStructParents(document.getNumberOfPages());
            document.addPage(page);
            parents.put(page.getStructParents(), new ArrayList<>());
            content = new PDPageContentStream(document, page);
            y = size.getHeight() - MARGIN;
        }

        private boolean fits(float height) {
            return y - height >= MARGIN + FOOTER;
        }

        /** Begins a marked-content sequence on this page belonging to {@code element}. */
        private void mark(PDStructureElement element) throws IOException {
            List<PDStructureElement> onPage = parents.get(page.getStructParents());
            int mcid = onPage.size();
            onPage.add(element);
            PDMarkedContentReference reference = new PDMarkedContentReference();
            reference.setPage(page);
            reference.setMCID(mcid);
            element.appendKid(reference);
            if (element.getPage() == null) {
                element.setPage(page);
            }
            content.beginMarkedContent(COSName.getPDFName(element.getStructureType()), mcid);
        }

        private PDStructureElement element(String type, PDStructureNode parent) {
            PDStructureElement element = new PDStructureElement(type, parent);
            parent.appendKid(element);
            return element;
        }

        void heading(Heading h) throws IOException {
            float fontSize = switch (h.level()) {
                case 1 -> 18;
                case 2 -> 14;
                default -> 12;
            };
            float before = y == size.getHeight() - MARGIN ? 0 : (h.level() == 2 ? 14 : 8);
            List<Line> lines = wrap(List.of(new Run(h.text(), true)), fontSize, width());
            if (lines.isEmpty()) {
                return;
            }
            float leading = fontSize * 1.25f;
            // a heading is never the last thing on a page: it keeps two lines of what follows with it
            if (!fits(before + lines.size() * leading + 2 * BODY * LEADING)) {
                newPage();
            } else {
                y -= before;
            }
            String type = switch (h.level()) {
                case 1 -> StandardStructureTypes.H1;
                case 2 -> StandardStructureTypes.H2;
                default -> StandardStructureTypes.H3;
            };
            write(element(type, body), lines, fontSize, leading, MARGIN);
            y -= 4;
        }

        void paragraph(List<Run> runs, float after) throws IOException {
            List<Line> lines = wrap(runs, BODY, width());
            if (lines.isEmpty()) {
                return;
            }
            write(element(StandardStructureTypes.P, body), lines, BODY, BODY * LEADING, MARGIN);
            y -= after;
        }

        void list(List<List<Run>> items) throws IOException {
            if (items.isEmpty()) {
                return;
            }
            PDStructureElement list = element(StandardStructureTypes.L, body);
            PDListAttributeObject numbering = new PDListAttributeObject();
            numbering.setListNumbering(PDListAttributeObject.LIST_NUMBERING_DISC);
            list.addAttribute(numbering);
            float leading = BODY * LEADING;
            for (List<Run> runs : items) {
                PDStructureElement item = element(StandardStructureTypes.LI, list);
                List<Line> lines = wrap(runs, BODY, width() - BULLET_INDENT);
                if (!fits(leading)) {
                    newPage();
                }
                mark(element(StandardStructureTypes.LBL, item));
                draw(new Line(List.of(word("\u2022", regular, BODY, false))), BODY, MARGIN + 4, y - BODY);
                content.endMarkedContent();
                write(element(StandardStructureTypes.L_BODY, item), lines, BODY, leading, MARGIN + BULLET_INDENT);
                y -= 3;
            }
            y -= 3;
        }

        /** Writes lines from the top of the space left, going on to a new page (in a new marked sequence) as needed. */
        private void write(PDStructureElement element, List<Line> lines, float fontSize, float leading, float x)
                throws IOException {
            boolean open = false;
            for (Line line : lines) {
                if (!fits(leading)) {
                    if (open) {
                        content.endMarkedContent();
                        open = false;
                    }
                    newPage();
                }
                if (!open) {
                    mark(element);
                    open = true;
                }
                draw(line, fontSize, x, y - fontSize);
                y -= leading;
            }
            if (open) {
                content.endMarkedContent();
            }
        }

        private void draw(Line line, float fontSize, float x, float baseline) throws IOException {
            content.beginText();
            content.newLineAtOffset(x, baseline);
            PDType0Font current = null;
            for (Word w : line.words()) {
                if (w.font() != current) {
                    content.setFont(w.font(), fontSize);
                    current = w.font();
                }
                content.showText(w.spaceBefore() ? " " + w.text() : w.text());
            }
            content.endText();
        }

        /**
         * Breaks runs into lines no wider than {@code width}. Runs join as written ("Label: " then "value" keeps its
         * space); a word longer than a line is broken where it must be.
         */
        private List<Line> wrap(List<Run> runs, float fontSize, float width) throws IOException {
            List<Line> lines = new ArrayList<>();
            List<Word> current = new ArrayList<>();
            float used = 0;
            boolean space = false;
            for (Run run : runs) {
                PDType0Font font = run.bold() ? bold : regular;
                String text = clean(font, run.text() == null ? "" : run.text());
                int i = 0;
                while (i < text.length()) {
                    if (text.charAt(i) == ' ') {
                        space = true;
                        i++;
                        continue;
                    }
                    int end = text.indexOf(' ', i);
                    end = end < 0 ? text.length() : end;
                    for (String piece : pieces(text.substring(i, end), font, fontSize, width)) {
                        Word w = word(piece, font, fontSize, space && !current.isEmpty());
                        if (!current.isEmpty() && used + w.width() > width) {
                            lines.add(new Line(current));
                            current = new ArrayList<>();
                            w = word(piece, font, fontSize, false);
                            used = 0;
                        }
                        current.add(w);
                        used += w.width();
                        space = false;
                    }
                    i = end;
                }
            }
            if (!current.isEmpty()) {
                lines.add(new Line(current));
            }
            return lines;
        }

        private List<String> pieces(String word, PDType0Font font, float fontSize, float width) throws IOException {
            if (width(word, font, fontSize) <= width) {
                return List.of(word);
            }
            List<String> pieces = new ArrayList<>();
            StringBuilder piece = new StringBuilder();
            int[] points = word.codePoints().toArray();
            for (int cp : points) {
                String next = piece + new String(Character.toChars(cp));
                if (piece.length() > 0 && width(next, font, fontSize) > width) {
                    pieces.add(piece.toString());
                    piece = new StringBuilder();
                }
                piece.appendCodePoint(cp);
            }
            pieces.add(piece.toString());
            return pieces;
        }

        private Word word(String text, PDType0Font font, float fontSize, boolean spaceBefore) throws IOException {
            return new Word(text, font, width((spaceBefore ? " " : "") + text, font, fontSize), spaceBefore);
        }

        private static float width(String text, PDType0Font font, float fontSize) throws IOException {
            return font.getStringWidth(text) / 1000 * fontSize;
        }

        /** The text with control characters as spaces and anything the font cannot show as '?'. */
        private String clean(PDType0Font font, String text) {
            Map<Integer, Boolean> known = glyphs.computeIfAbsent(font, f -> new HashMap<>());
            StringBuilder out = new StringBuilder(text.length());
            text.codePoints().forEach(cp -> {
                if (Character.isISOControl(cp) || Character.isWhitespace(cp)) {
                    out.append(' ');
                } else if (known.computeIfAbsent(cp, c -> shows(font, c))) {
                    out.appendCodePoint(cp);
                } else {
                    out.append('?');
                }
            });
            return out.toString();
        }

        private static boolean shows(PDType0Font font, int codePoint) {
            try {
                font.encode(new String(Character.toChars(codePoint)));
                return true;
            } catch (IOException | IllegalArgumentException e) {
                return false;
            }
        }

        /** Closes the last page, numbers the pages (as pagination artifacts) and writes the parent tree. */
        void finish(String title) throws IOException {
            content.close();
            int pages = document.getNumberOfPages();
            for (int i = 0; i < pages; i++) {
                PDPage p = document.getPage(i);
                try (PDPageContentStream footer =
                        new PDPageContentStream(document, p, PDPageContentStream.AppendMode.APPEND, true, true)) {
                    COSDictionary artifact = new COSDictionary();
                    artifact.setItem(COSName.TYPE, COSName.getPDFName("Pagination"));
                    artifact.setItem(COSName.SUBTYPE, COSName.getPDFName("Footer"));
                    footer.beginMarkedContent(COSName.ARTIFACT, PDPropertyList.create(artifact));
                    String number = "Page " + (i + 1) + " of " + pages;
                    float small = 8.5f;
                    footer.beginText();
                    footer.setFont(regular, small);
                    footer.newLineAtOffset(MARGIN, MARGIN - 8);
                    footer.showText(shorten(clean(regular, title), small, width() - 80));
                    footer.endText();
                    footer.beginText();
                    footer.newLineAtOffset(size.getWidth() - MARGIN - width(number, regular, small), MARGIN - 8);
                    footer.showText(number);
                    footer.endText();
                    footer.endMarkedContent();
                }
            }
            Map<Integer, PDParentTreeValue> numbers = new HashMap<>();
            parents.forEach((key, elements) -> {
                COSArray array = new COSArray();
                elements.forEach(e -> array.add(e.getCOSObject()));
                numbers.put(key, new PDParentTreeValue(array));
            });
            PDNumberTreeNode tree = new PDNumberTreeNode(PDParentTreeValue.class);
            tree.setNumbers(numbers);
            root.setParentTree(tree);
            root.setParentTreeNextKey(pages);
        }

        private String shorten(String text, float fontSize, float width) throws IOException {
            if (width(text, regular, fontSize) <= width) {
                return text;
            }
            String cut = text;
            while (!cut.isEmpty() && width(cut + "\u2026", regular, fontSize) > width) {
                cut = cut.substring(0, cut.length() - 1);
            }
            return cut.strip() + "\u2026";
        }
    }
}
