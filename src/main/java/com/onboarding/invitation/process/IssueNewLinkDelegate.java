package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationService;
import org.springframework.stereotype.Component;

/** Service task "Issue new link", after "Resend requested": the old link dies here. */
@Component("issueNewLink")
class IssueNewLinkDelegate extends InvitationStep {

    private final InvitationService invitations;

    IssueNewLinkDelegate(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    void run(long invitationId) {
        invitations.reopen(invitationId);
    }
}
