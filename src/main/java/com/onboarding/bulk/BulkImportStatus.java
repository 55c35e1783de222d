package com.onboarding.bulk;

/** Where an uploaded file stands. */
public enum BulkImportStatus {
    /** Checked and shown; nothing sent. */
    PREVIEW,
    /** Sent: the process invites the valid rows in the background. */
    RUNNING,
    /** Every valid row has its result. */
    DONE
}
