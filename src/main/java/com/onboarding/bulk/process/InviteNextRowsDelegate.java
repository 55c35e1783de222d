package com.onboarding.bulk.process;

import com.onboarding.bulk.BulkImportSteps;
import com.onboarding.bulk.BulkInvitationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Invite the next rows": one step of the file; each row is committed on its own. */
@Component("inviteNextRows")
class InviteNextRowsDelegate implements JavaDelegate {

    private final BulkImportSteps imports;

    InviteNextRowsDelegate(BulkImportSteps imports) {
        this.imports = imports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        BulkInvitationProcess.ROWS_LEFT.set(execution,
                imports.inviteNextRows(BulkInvitationProcess.IMPORT_ID.get(execution), execution.getProcessInstanceId()));
    }
}
