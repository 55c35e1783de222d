package com.onboarding.approval.process;

import com.onboarding.approval.ApprovalProcess;
import com.onboarding.approval.Approvals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Record the decision", after the approval task: the decision the gateway "Approved?" follows. Also
 * named recordApproval and recordPrivilegeDecision, as versions deployed before the approval was one process call it.
 */
@Component("recordApprovalDecision")
class RecordApprovalDecisionDelegate implements JavaDelegate {

    private final Approvals approvals;

    RecordApprovalDecisionDelegate(Approvals approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = approvals.record(AskingProcess.of(execution, approvals),
                ApprovalProcess.DECISION.getOrNull(execution), ApprovalProcess.REJECTION_REASON.getOrNull(execution));
        ApprovalProcess.APPROVED.set(execution, approved);
        // The reason is kept with what was rejected; the engine keeps no copy of it.
        execution.removeVariable(ApprovalProcess.REJECTION_REASON.name());
    }
}
