package com.onboarding.invitation;

/** An action that does not fit the invitation's current state (e.g. resend after acceptance); nothing changed. */
public class InvitationStateException extends RuntimeException {

    public InvitationStateException(String message) {
        super(message);
    }
}
