package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationService;
import org.springframework.stereotype.Component;

/** Service task "Send invitation mail" (async, retried by the engine). */
@Component("sendInvitationMail")
class SendInvitationMailDelegate extends InvitationStep {

    private final InvitationService invitations;

    SendInvitationMailDelegate(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    void run(long invitationId) {
        invitations.sendInvitationLink(invitationId);
    }
}
