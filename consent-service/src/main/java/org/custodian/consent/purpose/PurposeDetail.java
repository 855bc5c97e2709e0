package org.custodian.consent.purpose;

import java.util.List;

/** A purpose with every wording it had. */
public record PurposeDetail(Purpose purpose, List<PurposeVersion> versions) {}
