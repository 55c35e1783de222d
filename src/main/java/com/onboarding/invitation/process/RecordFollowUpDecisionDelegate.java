package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationFollowUps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Check the decision", after "Invitation expired: resend or cancel?". */
@Component("recordFollowUpDecision")
class RecordFollowUpDecisionDelegate implements JavaDelegate {

    private final InvitationFollowUps steps;

    RecordFollowUpDecisionDelegate(InvitationFollowUps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        steps.recordFollowUpDecision(InvitationProcess.BUSINESS_KEY.idOf(execution), execution.getProcessInstanceId(),
                InvitationProcess.FOLLOW_UP_DECISION.getOrNull(execution));
    }
}
