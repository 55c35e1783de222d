package com.onboarding.admin.selection.process;

import com.onboarding.admin.selection.UserSelections;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** A confirmed selection starts its instance here, in the confirming transaction: both commit, or neither. */
@Component
class SelectionStarter {

    private final RuntimeService runtime;
    private final UserSelections selections;

    SelectionStarter(RuntimeService runtime, UserSelections selections) {
        this.runtime = runtime;
        this.selections = selections;
    }

    @EventListener
    public void start(UserSelections.Confirmed confirmed) {
        String instance = runtime.createProcessInstanceByKey(UserSelectionProcess.KEY)
                .businessKey(UserSelectionProcess.businessKey(confirmed.selectionId()))
                .setVariables(Map.of(UserSelectionProcess.SELECTION_ID.name(), confirmed.selectionId()))
                .execute().getId();
        selections.started(confirmed.selectionId(), instance);
    }
}
