package com.onboarding.invitation.process;

import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationRequest;
import com.onboarding.invitation.InvitationService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Create invited user": turns the admin's request (a transient variable) into a user and an
 * invitation, and keeps only their ids in the process.
 */
@Component("createInvitedUser")
class CreateInvitedUserDelegate implements JavaDelegate {

    private final InvitationService invitations;

    CreateInvitedUserDelegate(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Object request = execution.getVariable(InvitationProcess.REQUEST);
        if (!(request instanceof InvitationRequest invitationRequest)) {
            throw new IllegalStateException("Start '" + InvitationProcess.KEY
                    + "' through InvitationService.invite (or the 'Invite user' process in Tasklist), not directly");
        }
        Invitation invitation = invitations.createInvitation(invitationRequest, execution.getProcessInstanceId());
        InvitationProcess.INVITATION_ID.set(execution, invitation.getId());
        InvitationProcess.USER_ID.set(execution, invitation.getUser().getId());
        execution.setProcessBusinessKey(InvitationProcess.businessKey(invitation.getId()));
    }
}
