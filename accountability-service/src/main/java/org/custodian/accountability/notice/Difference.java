package org.custodian.accountability.notice;

import java.util.List;
import org.custodian.accountability.fact.FactRef;

/**
 * One way the published notice no longer describes what the school does, with the facts that caused it.
 *
 * @param item what changed, in words ("Wonde", "Photos on the school website")
 */
public record Difference(NoticeContent.Section section, Change change, String item, List<FactRef> because) {

    public enum Change {
        ADDED,
        REMOVED,
        CHANGED
    }

    /** The difference in a sentence a DPO or a parent can read. */
    public String sentence() {
        String what = switch (section) {
            case controller -> "the school's or its data protection officer's details";
            case categories -> "the data held: " + item;
            case uses -> "the use of data to " + item;
            case consentPurposes -> "the consent asked for: " + item;
            case recipients -> "the recipient " + item;
            case transfers -> "the transfer to " + item;
            case retention -> "how long this is kept: " + item;
            case sources -> "where the data comes from";
            case automatedDecisions -> "automated decisions";
            case rights -> "your rights and how to use them";
            case complaints -> "how to complain";
            case introduction -> "the school's introduction";
            case localExplanations -> "the school's own explanations";
        };
        return switch (change) {
            case ADDED -> "New: " + what;
            case REMOVED -> "No longer: " + what;
            case CHANGED -> "Changed: " + what;
        };
    }
}
