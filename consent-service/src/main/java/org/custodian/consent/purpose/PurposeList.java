package org.custodian.consent.purpose;

import java.util.List;

/** The list of a school's purposes. */
public record PurposeList(List<PurposeView> items) {

    public static PurposeList of(List<Purpose> purposes) {
        return new PurposeList(purposes.stream().map(PurposeView::of).toList());
    }
}
