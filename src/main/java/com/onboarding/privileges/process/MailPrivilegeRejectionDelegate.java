package com.onboarding.privileges.process;

import com.onboarding.privileges.PrivilegeChangeProcess;
import com.onboarding.privileges.PrivilegeChanges;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Tell the requester", after a rejection. */
@Component("mailPrivilegeRejection")
class MailPrivilegeRejectionDelegate implements JavaDelegate {

    private final PrivilegeChanges changes;

    MailPrivilegeRejectionDelegate(PrivilegeChanges changes) {
        this.changes = changes;
    }

    @Override
    public void execute(DelegateExecution execution) {
        changes.mailRejection(PrivilegeChangeProcess.CHANGE_ID.get(execution), execution.getProcessInstanceId());
    }
}
