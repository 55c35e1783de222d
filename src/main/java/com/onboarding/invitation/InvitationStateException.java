package com.onboarding.invitation;

import com.onboarding.ConflictException;

/** An action that does not fit the invitation's current state (e.g. resend after acceptance); nothing changed. */
public class InvitationStateException extends ConflictException {

    public InvitationStateException(String message) {
        super(message);
    }
}
