package org.custodian.consent.changes;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A page of the MIS changes feed and where to read on from. */
@Schema(name = "RosterChangesPage")
public record ChangesPage(
        @Schema(required = true, description = "The changes after the cursor, oldest first")
        List<ChangeView> items,

        @Schema(
                required = true,
                description = "The cursor to read on from (send it as since): after the last item, or the"
                        + " same cursor when nothing is new. Keep it: it never expires.")
        String next,

        @Schema(required = true, description = "true when more changes follow at once: read again with next")
        boolean more) {}
