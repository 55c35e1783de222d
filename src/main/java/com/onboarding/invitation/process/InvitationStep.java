package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A service task of the invitation process: acts on the instance's invitation, by id and instance. */
abstract class InvitationStep implements JavaDelegate {

    @Override
    public final void execute(DelegateExecution execution) {
        run(InvitationProcess.BUSINESS_KEY.idOf(execution), execution.getProcessInstanceId());
    }

    abstract void run(long invitationId, String processInstanceId);
}
