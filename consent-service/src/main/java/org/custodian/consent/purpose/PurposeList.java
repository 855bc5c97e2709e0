package org.custodian.consent.purpose;

import java.util.List;

/** The list of a school's purposes. */
public record PurposeList(List<Purpose> items) {}
