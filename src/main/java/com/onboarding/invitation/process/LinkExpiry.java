package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationSteps;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Timer "Link expired": fires when the invitation's link period ends, as recorded on the invitation (its validity
 * is chosen per invitation, 1 to 90 days, else the setting), so the timer and the registration page's own check
 * agree to the instant.
 */
@Component("linkExpiry")
public class LinkExpiry {

    private final InvitationSteps steps;

    LinkExpiry(InvitationSteps steps) {
        this.steps = steps;
    }

    public Date of(DelegateExecution execution) {
        return Date.from(steps.linkExpiry(InvitationProcess.BUSINESS_KEY.idOf(execution),
                execution.getProcessInstanceId()));
    }
}
