package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationSteps;
import org.springframework.stereotype.Component;

/** Service task "Send confirmation mail" (async, retried by the engine). */
@Component("sendConfirmationMail")
class SendConfirmationMailDelegate extends InvitationStep {

    private final InvitationSteps steps;

    SendConfirmationMailDelegate(InvitationSteps steps) {
        this.steps = steps;
    }

    @Override
    void run(long invitationId, String processInstanceId) {
        steps.sendConfirmation(invitationId, processInstanceId);
    }
}
