package com.onboarding.invitation;

import com.onboarding.ConflictException;
import com.onboarding.Texts;

/** An action that does not fit the invitation's current state (e.g. resend after acceptance); nothing changed. */
public class InvitationStateException extends ConflictException {

    public InvitationStateException(String message) {
        super(message);
    }

    /** Why the invitation cannot be resent, cancelled or marked expired now, in the reader's language. */
    static InvitationStateException notOpen(Texts texts, Invitation invitation, String verb) {
        return new InvitationStateException(texts.of("invitation.notOpen." + invitation.getStatus().name(),
                invitation.getUser().getEmail(), texts.of("invitation.verb." + verb)));
    }
}
