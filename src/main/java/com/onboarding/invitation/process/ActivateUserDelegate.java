package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationService;
import org.springframework.stereotype.Component;

/** Service task "Activate user", right after the invitee completed the registration. */
@Component("activateUser")
class ActivateUserDelegate extends InvitationStep {

    private final InvitationService invitations;

    ActivateUserDelegate(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    void run(long invitationId) {
        invitations.accept(invitationId);
    }
}
