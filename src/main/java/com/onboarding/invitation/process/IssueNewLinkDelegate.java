package com.onboarding.invitation.process;

import com.onboarding.invitation.InvitationSteps;
import org.springframework.stereotype.Component;

/** Service task "Issue new link", after "Resend requested": the old link dies here. */
@Component("issueNewLink")
class IssueNewLinkDelegate extends InvitationStep {

    private final InvitationSteps steps;

    IssueNewLinkDelegate(InvitationSteps steps) {
        this.steps = steps;
    }

    @Override
    void run(long invitationId, String processInstanceId) {
        steps.reopen(invitationId, processInstanceId);
    }
}
