package com.onboarding.privileges.process;

import com.onboarding.privileges.PrivilegeChangeProcess;
import com.onboarding.privileges.PrivilegeChanges;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record decision", after "Approve privilege change": the decision the gateway follows. */
@Component("recordPrivilegeDecision")
class RecordPrivilegeDecisionDelegate implements JavaDelegate {

    private final PrivilegeChanges changes;

    RecordPrivilegeDecisionDelegate(PrivilegeChanges changes) {
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        boolean approved = changes.recordDecision(PrivilegeChangeProcess.CHANGE_ID.get(execution),
                execution.getProcessInstanceId(), PrivilegeChangeProcess.APPROVAL_DECISION.getOrNull(execution),
                PrivilegeChangeProcess.REJECTION_REASON.getOrNull(execution));
        PrivilegeChangeProcess.APPROVED.set(execution, approved);
        // The reason is kept with the change; the engine keeps no copy of it.
        execution.removeVariable(PrivilegeChangeProcess.REJECTION_REASON.name());
    }
}
