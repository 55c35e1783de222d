package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationService;
import org.springframework.stereotype.Component;

/** Service task "Send confirmation mail" (async, retried by the engine). */
@Component("sendConfirmationMail")
class SendConfirmationMailDelegate extends InvitationStep {

    private final InvitationService invitations;

    SendConfirmationMailDelegate(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    void run(long invitationId) {
        invitations.sendConfirmation(invitationId);
    }
}
