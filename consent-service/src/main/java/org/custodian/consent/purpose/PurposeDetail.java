package org.custodian.consent.purpose;

import java.util.List;

/** A purpose with every wording it had. */
public record PurposeDetail(PurposeView purpose, List<PurposeVersionView> versions) {

    public static PurposeDetail of(Purpose purpose) {
        return new PurposeDetail(
                PurposeView.of(purpose),
                purpose.versions().stream().map(PurposeVersionView::of).toList());
    }
}
