package org.custodian.sharing.actionkind;

/** What a partner did, as it reports when completing an action. */
public enum CompletionOutcome {
    DELETED("deleted"),
    ANONYMISED("anonymised"),
    CORRECTED("corrected"),
    RESTRICTED("restricted");

    private final String words;

    CompletionOutcome(String words) {
        this.words = words;
    }

    /** The past participle for sentences such as "confirmed deleted on 1 December 2026". */
    public String words() {
        return words;
    }
}
