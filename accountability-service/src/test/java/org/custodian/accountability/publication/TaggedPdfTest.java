package org.custodian.accountability.publication;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSArray;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.common.COSObjectable;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDMarkedContentReference;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.custodian.accountability.publication.TaggedPdf.Block;
import org.custodian.accountability.publication.TaggedPdf.BulletList;
import org.custodian.accountability.publication.TaggedPdf.Heading;
import org.custodian.accountability.publication.TaggedPdf.Paragraph;
import org.junit.jupiter.api.Test;

/** A tagged PDF made from blocks: its tags, its pages, its fonts and its text. */
class TaggedPdfTest {

    static List<Block> longDocument() {
        List<Block> blocks = new ArrayList<>(List.of(new Heading(1, "A long document")));
        for (int i = 1; i <= 12; i++) {
            blocks.add(new Heading(2, "Section " + i));
            blocks.add(Paragraph.of(("Words that go on and on, in a paragraph long enough to wrap onto several lines"
                            + " of the page. ")
                    .repeat(6)));
            blocks.add(Paragraph.labelled("Label", "a value"));
            blocks.add(BulletList.of(List.of("one item", "another item, rather longer ".repeat(8), "a third")));
        }
        return blocks;
    }

    @Test
    void aLongDocumentGoesOnToSeveralPagesAndEveryPieceOfTextIsTagged() throws IOException {
        byte[] bytes = TaggedPdf.render("A long document", TaggedPdf.Orientation.PORTRAIT, longDocument());
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            assertThat(pdf.getNumberOfPages()).isGreaterThan(2);
            assertThat(pdf.getDocumentCatalog().getMarkInfo().isMarked()).isTrue();
            assertThat(pdf.getDocumentCatalog().getLanguage()).isEqualTo("en-GB");
            assertThat(pdf.getDocumentCatalog().getViewerPreferences().displayDocTitle())
                    .isTrue();
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("A long document");
            assertThat(new String(pdf.getDocumentCatalog().getMetadata().toByteArray()))
                    .contains("<rdf:li xml:lang=\"x-default\">A long document</rdf:li>");

            List<String> types = Pdfs.types(pdf);
            assertThat(types.getFirst()).isEqualTo("Document");
            assertThat(types.stream().filter("H1"::equals)).hasSize(1);
            assertThat(types.stream().filter("H2"::equals)).hasSize(12);
            assertThat(types).contains("P", "L", "LI", "Lbl", "LBody");

            // each page's marked content leads back to its element through the parent tree, and the reverse
            var parentTree = pdf.getDocumentCatalog().getStructureTreeRoot().getParentTree();
            for (int i = 0; i < pdf.getNumberOfPages(); i++) {
                PDPage page = pdf.getPage(i);
                assertThat(page.getStructParents()).isEqualTo(i);
                COSArray parents = (COSArray) ((COSObjectable) parentTree.getValue(i)).getCOSObject();
                assertThat(parents.size()).as("marked pieces on page %d", i + 1).isPositive();
            }
            for (PDStructureElement e : Pdfs.elements(pdf)) {
                if (List.of("H1", "H2", "P", "Lbl", "LBody").contains(e.getStructureType())) {
                    assertThat(e.getKids())
                            .as("%s has marked content", e.getStructureType())
                            .isNotEmpty()
                            .allSatisfy(k -> assertThat(k).isInstanceOf(PDMarkedContentReference.class));
                }
            }
            // a paragraph broken by a page has a piece on each page
            assertThat(Pdfs.elements(pdf).stream()
                            .filter(e -> e.getStructureType().equals("P"))
                            .filter(e -> e.getKids().stream()
                                            .map(k -> ((PDMarkedContentReference) k).getPage())
                                            .distinct()
                                            .count()
                                    > 1))
                    .isNotEmpty();

            PDFont font = pdf.getPage(0)
                    .getResources()
                    .getFont(pdf.getPage(0)
                            .getResources()
                            .getFontNames()
                            .iterator()
                            .next());
            assertThat(font.isEmbedded()).isTrue();
            assertThat(font.getName()).contains("DejaVuSans");
            String text = Pdfs.text(pdf);
            assertThat(text).contains("Section 12", "Label: a value", "Page 1 of " + pdf.getNumberOfPages());
        }
    }

    @Test
    void theSameBlocksMakeTheSameBytes() {
        byte[] once = TaggedPdf.render("Same", TaggedPdf.Orientation.LANDSCAPE, longDocument());
        byte[] again = TaggedPdf.render("Same", TaggedPdf.Orientation.LANDSCAPE, longDocument());
        assertThat(once).isEqualTo(again);
    }

    @Test
    void textIsUnicodeAndWhatTheFontCannotShowIsAQuestionMark() throws IOException {
        byte[] bytes = TaggedPdf.render(
                "Ünïcödé",
                TaggedPdf.Orientation.PORTRAIT,
                List.of(
                        new Heading(1, "Zoë’s café — Łódź"),
                        Paragraph.of("The officer filled in the office’s flow chart."),
                        Paragraph.of("Tab\tand\nnewline; a CJK character 漢; "
                                + IntStream.range(0, 300).mapToObj(i -> "x").reduce("", String::concat))));
        try (PDDocument pdf = Loader.loadPDF(bytes)) {
            String text = Pdfs.text(pdf);
            assertThat(text).contains("Zoë’s café — Łódź", "Tab and newline; a CJK character ?;");
            assertThat(text).as("letters, not ligatures").contains("The officer filled in the office’s flow chart.");
            assertThat(pdf.getDocumentInformation().getTitle()).isEqualTo("Ünïcödé");
        }
    }
}
