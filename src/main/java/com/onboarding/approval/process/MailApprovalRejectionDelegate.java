package com.onboarding.approval.process;

import com.onboarding.approval.Approvals;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Tell who asked", after a rejection. Also named mailRejection and mailPrivilegeRejection, as versions
 * deployed before the approval was one process call it.
 */
@Component("mailApprovalRejection")
class MailApprovalRejectionDelegate implements JavaDelegate {

    private final Approvals approvals;

    MailApprovalRejectionDelegate(Approvals approvals) {
        this.approvals = approvals;
    }

    @Override
    public void execute(DelegateExecution execution) {
        approvals.mailRejection(AskingProcess.of(execution, approvals));
    }
}
