package com.onboarding.bulk.process;

import com.onboarding.bulk.BulkImportSteps;
import com.onboarding.bulk.BulkInvitationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Close the import": every valid row has its result. */
@Component("closeBulkImport")
class CloseImportDelegate implements JavaDelegate {

    private final BulkImportSteps imports;

    CloseImportDelegate(BulkImportSteps imports) {
        this.imports = imports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        imports.finish(BulkInvitationProcess.IMPORT_ID.get(execution), execution.getProcessInstanceId());
    }
}
