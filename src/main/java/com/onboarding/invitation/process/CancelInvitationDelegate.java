package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationService;
import org.springframework.stereotype.Component;

/** Service task "Cancel invitation". */
@Component("cancelInvitation")
class CancelInvitationDelegate extends InvitationStep {

    private final InvitationService invitations;

    CancelInvitationDelegate(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    void run(long invitationId) {
        invitations.cancel(invitationId);
    }
}
