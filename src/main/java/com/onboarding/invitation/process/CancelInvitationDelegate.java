package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationSteps;
import org.springframework.stereotype.Component;

/** Service task "Cancel invitation". */
@Component("cancelInvitation")
class CancelInvitationDelegate extends InvitationStep {

    private final InvitationSteps steps;

    CancelInvitationDelegate(InvitationSteps steps) {
        this.steps = steps;
    }

    @Override
    void run(long invitationId, String processInstanceId) {
        steps.cancel(invitationId, processInstanceId);
    }
}
