package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationSteps;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record approval", after "Approve invitation": the decision the gateway "Approved?" follows. */
@Component("recordApproval")
class RecordApprovalDelegate implements JavaDelegate {

    private final InvitationSteps steps;

    RecordApprovalDelegate(InvitationSteps steps) {
        this.steps = steps;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = steps.recordApproval(InvitationProcess.INVITATION_ID.get(execution),
                execution.getProcessInstanceId(), InvitationProcess.APPROVAL_DECISION.getOrNull(execution),
                InvitationProcess.REJECTION_REASON.getOrNull(execution));
        InvitationProcess.APPROVED.set(execution, approved);
        // The reason is kept with the invitation; the engine keeps no copy of it.
        execution.removeVariable(InvitationProcess.REJECTION_REASON.name());
    }
}
