package com.onboarding.admin.selection.process;

import com.onboarding.admin.selection.UserSelections;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Close the selection": every user has a result. */
@Component("closeSelection")
class CloseSelectionDelegate implements JavaDelegate {

    private final UserSelections selections;

    CloseSelectionDelegate(UserSelections selections) {
        this.selections = selections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        selections.finish(UserSelectionProcess.SELECTION_ID.get(execution), execution.getProcessInstanceId());
    }
}
