package org.custodian.accountability.notice;

import java.util.Map;

/** The DPO's own words in a notice: an introduction, and explanations that follow a generated section. */
public record DraftText(String introduction, Map<String, String> localExplanations) {

    public static final DraftText NONE = new DraftText(null, Map.of());

    public DraftText {
        localExplanations = localExplanations == null ? Map.of() : Map.copyOf(localExplanations);
    }
}
