package org.custodian.consent.purpose;

import java.util.List;

/**
 * A consent purpose and its current wording. {@code reconsentFrom} is the oldest version whose grants still count:
 * a rewording marked "requires reconsent" moves it to the new version.
 */
public record Purpose(
        String code,
        String title,
        PurposeKind kind,
        List<String> dataCategories,
        String validity,
        int currentVersion,
        int reconsentFrom,
        String wording) {}
