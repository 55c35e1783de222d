package com.onboarding.approval.process;

import com.onboarding.approval.Approvals;
import com.onboarding.approval.Approvals.Asking;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;

/** Which process instance asks for the approval that an approval step runs in. */
final class AskingProcess {

    private AskingProcess() {
    }

    /**
     * The instance that called the approval. Versions of user-invitation and privilege-change deployed before the
     * approval was one process ran its steps inline: there the instance itself asks (their instances waiting for an
     * approval cannot move into a call activity, so they finish on their version).
     */
    static Asking of(DelegateExecution execution, Approvals approvals) {
        DelegateExecution caller = execution.getProcessInstance().getSuperExecution();
        ExecutionEntity asking = (ExecutionEntity) (caller != null ? caller : execution);
        String key = asking.getProcessDefinition().getKey();
        return new Asking(key, asking.getProcessInstanceId(), approvals.subjectOf(key).businessKey().idOf(asking));
    }
}
