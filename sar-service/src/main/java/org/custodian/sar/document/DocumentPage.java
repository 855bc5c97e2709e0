package org.custodian.sar.document;

import java.util.List;
import org.custodian.platform.pagination.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of a request's documents; the schema keeps the name the generic {@code Page<Document>} had. */
@Schema(name = "PageDocument")
public record DocumentPage(List<DocumentView> items, String nextCursor) {

    public static DocumentPage of(Page<DocumentView> page) {
        return new DocumentPage(page.items(), page.nextCursor());
    }
}
