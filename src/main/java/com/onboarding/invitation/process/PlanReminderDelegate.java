package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationSteps;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Plan next reminder" of the versions before the reminders' event-based gateway: the timer "Reminder
 * due" waits until the time it sets (none: no more). Their instances that wait beside a planned reminder cannot move
 * to the new shape and finish on their version, so this step stays until none of them runs.
 */
@Component("planReminder")
class PlanReminderDelegate implements JavaDelegate {

    private final InvitationSteps steps;

    PlanReminderDelegate(InvitationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InvitationProcess.NEXT_REMINDER_AT.set(execution, steps
                .nextReminder(InvitationProcess.BUSINESS_KEY.idOf(execution), execution.getProcessInstanceId())
                .map(Date::from).orElse(null));
    }
}
