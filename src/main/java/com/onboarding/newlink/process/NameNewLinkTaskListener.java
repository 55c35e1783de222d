package com.onboarding.newlink.process;

import com.onboarding.newlink.NewLinkRequestProcess;
import com.onboarding.newlink.NewLinkRequests;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** Names the task "Ina Vogel asks for a new link" from the user's record, so no variable carries the name. */
@Component("nameNewLinkTask")
class NameNewLinkTaskListener implements TaskListener {

    private final NewLinkRequests requests;

    NameNewLinkTaskListener(NewLinkRequests requests) {
        this.requests = requests;
    }

    @Override
    public void notify(DelegateTask task) {
        task.setName(requests.taskName(NewLinkRequestProcess.USER_ID.get(task)));
    }
}
