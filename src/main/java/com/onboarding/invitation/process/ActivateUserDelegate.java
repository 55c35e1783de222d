package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationSteps;
import org.springframework.stereotype.Component;

/** Service task "Activate user", right after the invitee completed the registration. */
@Component("activateUser")
class ActivateUserDelegate extends InvitationStep {

    private final InvitationSteps steps;

    ActivateUserDelegate(InvitationSteps steps) {
        this.steps = steps;
    }

    @Override
    void run(long invitationId, String processInstanceId) {
        steps.accept(invitationId, processInstanceId);
    }
}
