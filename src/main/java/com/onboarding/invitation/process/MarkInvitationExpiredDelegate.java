package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationSteps;
import org.springframework.stereotype.Component;

/** Service task "Mark invitation expired", after the timer "Link expired". */
@Component("markInvitationExpired")
class MarkInvitationExpiredDelegate extends InvitationStep {

    private final InvitationSteps steps;

    MarkInvitationExpiredDelegate(InvitationSteps steps) {
        this.steps = steps;
    }

    @Override
    void run(long invitationId, String processInstanceId) {
        steps.expire(invitationId, processInstanceId);
    }
}
