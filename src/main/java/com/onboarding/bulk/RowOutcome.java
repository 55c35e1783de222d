package com.onboarding.bulk;

/** What became of one row of an uploaded file. */
public enum RowOutcome {
    /** The preview found a problem: never sent. */
    INVALID("Not sent"),
    /** Passed the preview; waits for "Send", then for its turn. */
    READY("Waiting"),
    INVITED("Invited"),
    /** Refused when its turn came (e.g. someone invited the address meanwhile). */
    FAILED("Failed");

    private final String label;

    RowOutcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
