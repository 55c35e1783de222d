package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationProcess;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;

/** A service task of the invitation process that acts on the instance's invitation, by id. */
abstract class InvitationStep implements JavaDelegate {

    @Override
    public final void execute(DelegateExecution execution) {
        run(InvitationProcess.INVITATION_ID.get(execution));
    }

    abstract void run(long invitationId);
}
