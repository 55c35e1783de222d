package com.onboarding.newlink.process;

import com.onboarding.newlink.NewLinkRequestProcess;
import com.onboarding.newlink.NewLinkRequests;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Service task "Record the answer", after the admin's "Resend" or "Decline". */
@Component("recordNewLinkAnswer")
class RecordNewLinkAnswerDelegate implements JavaDelegate {

    private final NewLinkRequests requests;

    RecordNewLinkAnswerDelegate(NewLinkRequests requests) {
        this.requests = requests;
    }

    @Override
    public void execute(DelegateExecution execution) {
        requests.answer(NewLinkRequestProcess.USER_ID.get(execution), NewLinkRequestProcess.INVITATION_ID.get(execution),
                NewLinkRequestProcess.DECISION.getOrNull(execution));
    }
}
