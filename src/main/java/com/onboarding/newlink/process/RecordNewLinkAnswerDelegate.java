package com.onboarding.newlink.process;

import com.onboarding.newlink.NewLinkRequestProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record the answer", after the admin's "Resend" or "Decline". */
@Component("recordNewLinkAnswer")
class RecordNewLinkAnswerDelegate implements JavaDelegate {

    private final NewLinkAnswers answers;

    RecordNewLinkAnswerDelegate(NewLinkAnswers answers) {
        this.answers = answers;
    }

    @Override
    public void execute(DelegateExecution execution) {
        answers.answer(NewLinkRequestProcess.USER_ID.get(execution), NewLinkRequestProcess.INVITATION_ID.get(execution),
                NewLinkRequestProcess.DECISION.getOrNull(execution));
    }
}
