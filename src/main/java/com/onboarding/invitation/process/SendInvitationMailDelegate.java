package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationSteps;
import org.springframework.stereotype.Component;

/** Service task "Send invitation mail" (async, retried by the engine). */
@Component("sendInvitationMail")
class SendInvitationMailDelegate extends InvitationStep {

    private final InvitationSteps steps;

    SendInvitationMailDelegate(InvitationSteps steps) {
        this.steps = steps;
    }

    @Override
    void run(long invitationId, String processInstanceId) {
        steps.sendInvitationLink(invitationId, processInstanceId);
    }
}
