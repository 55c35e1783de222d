package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationSteps;
import org.springframework.stereotype.Component;

/** Service task "Tell the inviter", after a rejection. */
@Component("mailRejection")
class MailRejectionDelegate extends InvitationStep {

    private final InvitationSteps steps;

    MailRejectionDelegate(InvitationSteps steps) {
        this.steps = steps;
    }

    @Override
    void run(long invitationId, String processInstanceId) {
        steps.mailRejection(invitationId, processInstanceId);
    }
}
