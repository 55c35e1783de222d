package com.onboarding.invitation;

import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.scopes.Grants;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserDataRules;
import com.onboarding.users.UserProfile;
import com.onboarding.users.ValidUserData;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * Whether an invitation may be sent: the request's shape (declared on {@link InvitationRequest}), the user data and
 * what the inviting admin may grant of it (scopes.Grants), and that the address belongs to nobody yet.
 */
@Component
public class InvitationRules {

    /** An invitation request that passed every rule. */
    public record ValidInvitation(UserProfile profile, String personalText, ValidUserData data, String invitedBy) {
    }

    private final UserAccountRepository users;
    private final AdminScopes adminScopes;
    private final Grants grants;
    private final UserDataRules userDataRules;

    public InvitationRules(UserAccountRepository users, AdminScopes adminScopes, Grants grants,
            UserDataRules userDataRules) {
        this.users = users;
        this.adminScopes = adminScopes;
        this.grants = grants;
        this.userDataRules = userDataRules;
    }

    public ValidInvitation check(InvitationRequest request) {
        return check(request, adminScopes.of(request.invitedBy()));
    }

    /** The same check with the inviting admin's scope already known (a file of invitations checks many at once). */
    public ValidInvitation check(InvitationRequest request, AdminScope scope) {
        List<Problem> problems = new ArrayList<>(userDataRules.shapeProblems(request));
        if (problems.stream().noneMatch(problem -> problem.field().equals("email"))) {
            users.findByEmailNormalized(UserAccount.normalizeEmail(request.email()))
                    .ifPresent(existing -> problems.add(new Problem("email", scope.coversUser(existing)
                            ? alreadyUsed(request.email(), existing)
                            // The user belongs to clients of other admins: say no more than necessary.
                            : request.email() + " cannot be invited. Ask a global administrator.")));
        }
        ValidUserData data;
        if (request.invitedBy() == null) {
            problems.add(new Problem("invitedBy", "The inviting administrator is unknown; sign in first."));
            data = userDataRules.check(request.userData(), problems);
        } else {
            data = grants.check(scope, request.userData(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvitationRejectedException(problems);
        }
        return new ValidInvitation(new UserProfile(request.email(), data.firstName(), data.lastName(), data.language()),
                request.personalText(), data, request.invitedBy());
    }

    /** Admins may learn that an address is taken (they need to), and what to do instead. */
    static String alreadyUsed(String email, UserAccount existing) {
        return switch (existing.getStatus()) {
            case INVITED -> email + " has already been invited (status: Invited). "
                    + "Use \"Resend invitation\" in the user administration to send a new link.";
            case ACTIVE -> email + " already belongs to an active user (status: Invite accepted).";
            case DEACTIVATED -> email + " belongs to a deactivated user (status: Deactivated); reactivate that user instead.";
        };
    }

    /** Two admins invited the same address at once: the database's unique key let one of them through. */
    static String invitedConcurrently(String email) {
        return email + " was invited by someone else at the same moment (status: Invited). "
                + "Use \"Resend invitation\" in the user administration to send a new link.";
    }
}
