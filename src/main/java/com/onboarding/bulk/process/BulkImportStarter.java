package com.onboarding.bulk.process;

import com.onboarding.bulk.BulkImportSteps;
import com.onboarding.bulk.BulkImports;
import com.onboarding.bulk.BulkInvitationProcess;
import com.onboarding.engine.EngineActor;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * A sent file starts its instance here, in the sending transaction (both commit, or neither), as the admin who sent
 * it (Cockpit names them as the starter).
 */
@Component
class BulkImportStarter {

    private final RuntimeService runtime;
    private final EngineActor engineActor;
    private final BulkImportSteps steps;

    BulkImportStarter(RuntimeService runtime, EngineActor engineActor, BulkImportSteps steps) {
        this.runtime = runtime;
        this.engineActor = engineActor;
        this.steps = steps;
    }

    @EventListener
    public void start(BulkImports.Sent sent) {
        String instance = engineActor.runAs(sent.adminId(), () -> runtime
                .createProcessInstanceByKey(BulkInvitationProcess.KEY)
                .businessKey(BulkInvitationProcess.businessKey(sent.importId()))
                .setVariables(Map.of(BulkInvitationProcess.IMPORT_ID.name(), sent.importId()))
                .execute()).getId();
        steps.started(sent.importId(), instance);
    }
}
