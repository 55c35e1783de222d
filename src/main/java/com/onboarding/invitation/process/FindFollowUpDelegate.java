package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationFollowUps.FollowUp;
import com.onboarding.invitation.InvitationFollowUps;
import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Find who follows up": assignee and due date of the task that follows. */
@Component("findFollowUp")
class FindFollowUpDelegate implements JavaDelegate {

    private final InvitationFollowUps steps;

    FindFollowUpDelegate(InvitationFollowUps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        FollowUp followUp = steps.findFollowUp(InvitationProcess.BUSINESS_KEY.idOf(execution),
                execution.getProcessInstanceId());
        InvitationProcess.FOLLOW_UP_ASSIGNEE.set(execution, followUp.assignee());
        InvitationProcess.FOLLOW_UP_DUE.set(execution, Date.from(followUp.due()));
    }
}
