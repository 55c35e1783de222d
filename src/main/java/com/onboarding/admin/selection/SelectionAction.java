package com.onboarding.admin.selection;

/** What can be done to many users at once: each is the single action of a user's row. */
public enum SelectionAction {
    RESEND, CANCEL, DEACTIVATE, REACTIVATE, DELETE
}
