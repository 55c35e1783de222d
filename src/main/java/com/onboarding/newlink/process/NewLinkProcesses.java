package com.onboarding.newlink.process;

import com.onboarding.engine.EngineActor;
import com.onboarding.newlink.NewLinkRequestProcess;
import com.onboarding.newlink.NewLinkRequests;
import com.onboarding.users.UserEvent;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The instances of bpmn/new-link-request.bpmn: one starts for each accepted request, in the asking transaction (by
 * nobody: the invitee is not signed in); a deleted user's go from the engine's runtime and history.
 */
@Component
class NewLinkProcesses {

    private final RuntimeService runtime;
    private final HistoryService history;
    private final EngineActor engineActor;

    NewLinkProcesses(RuntimeService runtime, HistoryService history, EngineActor engineActor) {
        this.runtime = runtime;
        this.history = history;
        this.engineActor = engineActor;
    }

    @EventListener
    public void start(NewLinkRequests.Asked asked) {
        engineActor.runAs(null, () -> runtime.createProcessInstanceByKey(NewLinkRequestProcess.KEY)
                .setVariable(NewLinkRequestProcess.REQUEST_ID.name(), asked.requestId())
                .execute());
    }

    @EventListener
    public void forget(UserEvent event) {
        if (event.kind() != UserEvent.Kind.DELETED) {
            return;
        }
        String key = NewLinkRequestProcess.businessKey(event.userId());
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "user deleted", true, true));
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list().stream()
                .map(HistoricProcessInstance::getId)
                .forEach(history::deleteHistoricProcessInstanceIfExists);
    }
}
