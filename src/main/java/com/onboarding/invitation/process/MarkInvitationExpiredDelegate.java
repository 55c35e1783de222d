package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationService;
import org.springframework.stereotype.Component;

/** Service task "Mark invitation expired", after the timer "Link expired". */
@Component("markInvitationExpired")
class MarkInvitationExpiredDelegate extends InvitationStep {

    private final InvitationService invitations;

    MarkInvitationExpiredDelegate(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    void run(long invitationId) {
        invitations.expire(invitationId);
    }
}
