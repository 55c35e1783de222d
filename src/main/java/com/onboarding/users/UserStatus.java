package com.onboarding.users;

/** Lifecycle of a user account as the user administration shows it. */
public enum UserStatus {
    /** An invitation was sent and not yet accepted. */
    INVITED,
    /** "Invite accepted": the user registered and is active. */
    ACTIVE,
    /** The user no longer has access. */
    DEACTIVATED
}
