package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationSteps;
import org.springframework.stereotype.Component;

/** Service task "Close lapsed invitation", when the grace period after expiry ended without a decision. */
@Component("closeLapsedInvitation")
class CloseLapsedInvitationDelegate extends InvitationStep {

    private final InvitationSteps steps;

    CloseLapsedInvitationDelegate(InvitationSteps steps) {
        this.steps = steps;
    }

    @Override
    void run(long invitationId, String processInstanceId) {
        steps.lapse(invitationId, processInstanceId);
    }
}
