package com.onboarding.invitation;

/** Someone else acted on the same invitation at the same moment; this action was rolled back and changed nothing. */
public class ConcurrentInvitationChangeException extends RuntimeException {

    public ConcurrentInvitationChangeException(Throwable cause) {
        super("Someone else changed this invitation at the same moment. Nothing was changed by your action; "
                + "reload and try again.", cause);
    }
}
