package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationSteps;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * The reminders' schedule as the model reads it (onboarding.invitation.reminders, before the link's end): the timers
 * "Reminder due" and "Next reminder due" wait for the next one, and "Another reminder?" asks whether one still lies
 * ahead. Both read the invitation's record each time, so no planned time is kept in a process variable.
 */
@Component("reminders")
public class Reminders {

    private final InvitationSteps steps;

    Reminders(InvitationSteps steps) {
        this.steps = steps;
    }

    public boolean anyLeft(DelegateExecution execution) {
        return next(execution).isPresent();
    }

    /**
     * When the next reminder is due. With none ahead, the link's end: a boundary timer needs a date, and there "Link
     * expired" closes the link period, while "Send reminder" finds an expired link and mails nothing.
     */
    public Date dueAt(DelegateExecution execution) {
        return Date.from(next(execution).orElseGet(() -> steps.linkExpiry(
                InvitationProcess.BUSINESS_KEY.idOf(execution), execution.getProcessInstanceId())));
    }

    private Optional<Instant> next(DelegateExecution execution) {
        return steps.nextReminder(InvitationProcess.BUSINESS_KEY.idOf(execution), execution.getProcessInstanceId());
    }
}
