package com.onboarding.admin.users;

import com.onboarding.approval.ApprovalDecisions;
import com.onboarding.approval.FourEyes;
import com.onboarding.scopes.AdminScope;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Approve and Reject on an invitation that awaits approval, from the Users screen and /api: the same decision as
 * Tasklist's "Approve invitation" task, by the same four-eyes rule (a global admin other than the inviter; a
 * rejection needs a reason), for users the admin administers.
 */
@Service
public class UserApprovals {

    private final UserAdministration administration;
    private final UserDirectory directory;
    private final ApprovalDecisions decisions;

    UserApprovals(UserAdministration administration, UserDirectory directory, ApprovalDecisions decisions) {
        this.administration = administration;
        this.directory = directory;
        this.decisions = decisions;
    }

    @Transactional
    public UserRow approve(long userId, AdminScope scope) {
        scope.requireGlobal("approve invitations");
        decisions.decide(administration.awaitingApproval(userId, scope), scope.adminId(), FourEyes.APPROVE, null);
        return directory.row(userId, scope);
    }

    @Transactional
    public UserRow reject(long userId, String reason, AdminScope scope) {
        scope.requireGlobal("reject invitations");
        decisions.decide(administration.awaitingApproval(userId, scope), scope.adminId(), FourEyes.REJECT, reason);
        return directory.row(userId, scope);
    }
}
