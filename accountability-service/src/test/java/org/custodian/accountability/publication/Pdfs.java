package org.custodian.accountability.publication;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureElement;
import org.apache.pdfbox.pdmodel.documentinterchange.logicalstructure.PDStructureNode;
import org.apache.pdfbox.text.PDFTextStripper;

/** What the tests read of a PDF: its structure elements in order, and its text. */
final class Pdfs {

    private Pdfs() {}

    static List<PDStructureElement> elements(PDDocument pdf) {
        List<PDStructureElement> found = new ArrayList<>();
        collect(pdf.getDocumentCatalog().getStructureTreeRoot(), found);
        return found;
    }

    static List<String> types(PDDocument pdf) {
        return elements(pdf).stream().map(PDStructureElement::getStructureType).toList();
    }

    private static void collect(PDStructureNode node, List<PDStructureElement> found) {
        for (Object kid : node.getKids()) {
            if (kid instanceof PDStructureElement element) {
                found.add(element);
                collect(element, found);
            }
        }
    }

    static String text(PDDocument pdf) throws IOException {
        return new PDFTextStripper().getText(pdf);
    }
}
