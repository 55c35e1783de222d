package com.onboarding.admin.selection.process;

import com.onboarding.admin.selection.UserSelections;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Act on the next users": one step of the selection; each user is committed on their own. */
@Component("actOnNextUsers")
class ActOnNextUsersDelegate implements JavaDelegate {

    private final UserSelections selections;

    ActOnNextUsersDelegate(UserSelections selections) {
        this.selections = selections;
    }

    @Override
    public void execute(DelegateExecution execution) {
        UserSelectionProcess.USERS_LEFT.set(execution, selections.actOnNext(
                UserSelectionProcess.SELECTION_ID.get(execution), execution.getProcessInstanceId()));
    }
}
