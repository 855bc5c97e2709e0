package org.custodian.accountability.notice;

import java.util.Map;

/**
 * The DPO's own words in a notice: an introduction, explanations that follow a generated section, and, for a school
 * that takes significant decisions based solely on automated processing, what they are (null: none are taken).
 */
public record DraftText(String introduction, Map<String, String> localExplanations, String automatedDecisions) {

    public static final DraftText NONE = new DraftText(null, Map.of(), null);

    public DraftText {
        localExplanations = localExplanations == null ? Map.of() : Map.copyOf(localExplanations);
    }
}
