package com.onboarding.newlink.process;

import com.onboarding.language.TaskNames;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * The task listener ${nameNewLinkTask} of new-link-request versions deployed before every task was named by
 * {@link TaskNames}: their running requests still call it, so it names the task the same way.
 */
@Component("nameNewLinkTask")
class NameNewLinkTaskListener implements TaskListener {

    private final TaskNames names;

    NameNewLinkTaskListener(TaskNames names) {
        this.names = names;
    }

    @Override
    public void notify(DelegateTask task) {
        names.notify(task);
    }
}
