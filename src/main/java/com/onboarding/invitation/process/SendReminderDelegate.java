package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationSteps;
import org.springframework.stereotype.Component;

/** Service task "Send reminder". */
@Component("sendReminder")
class SendReminderDelegate extends InvitationStep {

    private final InvitationSteps steps;

    SendReminderDelegate(InvitationSteps steps) {
        this.steps = steps;
    }

    @Override
    void run(long invitationId, String processInstanceId) {
        steps.sendReminder(invitationId, processInstanceId);
    }
}
