package com.onboarding.newlink.process;

import com.onboarding.language.TaskNames;
import com.onboarding.newlink.NewLinkRequestProcess;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.springframework.stereotype.Component;

/** The task "Answer the request for a new link" is named after the invitee: "Ina Vogel asks for a new link". */
@Component
class NewLinkTaskName implements TaskNames.Arguments {

    private final NewLinkAnswers answers;

    NewLinkTaskName(NewLinkAnswers answers) {
        this.answers = answers;
    }

    @Override
    public String taskDefinitionKey() {
        return NewLinkRequestProcess.TASK_ANSWER;
    }

    @Override
    public Object[] of(DelegateTask task, Locale language) {
        return new Object[] {answers.inviteeName(NewLinkRequestProcess.USER_ID.get(task), language)};
    }
}
