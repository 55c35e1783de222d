package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationFollowUps;
import org.springframework.stereotype.Component;

/** Service task "Close lapsed invitation", when the grace period after expiry ended without a decision. */
@Component("closeLapsedInvitation")
class CloseLapsedInvitationDelegate extends InvitationStep {

    private final InvitationFollowUps steps;

    CloseLapsedInvitationDelegate(InvitationFollowUps steps) {
        this.steps = steps;
    }

    @Override
    void run(long invitationId, String processInstanceId) {
        steps.lapse(invitationId, processInstanceId);
    }
}
