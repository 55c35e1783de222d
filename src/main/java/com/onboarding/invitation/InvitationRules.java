package com.onboarding.invitation;

import com.onboarding.RejectedRequestException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.Texts;
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
    public record ValidInvitation(UserProfile profile, String personalText, ValidUserData data, String invitedBy,
            Integer linkValidityDays) {
    }

    private final UserAccountRepository users;
    private final AdminScopes adminScopes;
    private final Grants grants;
    private final UserDataRules userDataRules;
    private final Texts texts;

    public InvitationRules(UserAccountRepository users, AdminScopes adminScopes, Grants grants,
            UserDataRules userDataRules, Texts texts) {
        this.users = users;
        this.adminScopes = adminScopes;
        this.grants = grants;
        this.userDataRules = userDataRules;
        this.texts = texts;
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
                            : text("invitation.notYours", request.email()))));
        }
        ValidUserData data;
        if (request.invitedBy() == null) {
            problems.add(new Problem("invitedBy", text("invitation.noInviter")));
            data = userDataRules.check(request.userData(), problems);
        } else {
            data = grants.check(scope, request.userData(), problems);
        }
        if (!problems.isEmpty()) {
            throw new InvitationRejectedException(texts, problems);
        }
        return new ValidInvitation(new UserProfile(request.email(), data.firstName(), data.lastName(), data.language()),
                request.personalText(), data, request.invitedBy(), request.linkValidityDays());
    }

    /** A new personal text for a resend, checked as the invitation's own; refused with the field's problem. */
    public String check(PersonalText text) {
        List<Problem> problems = userDataRules.shapeProblems(text);
        if (!problems.isEmpty()) {
            throw new RejectedRequestException(text("invitation.notResent"), problems);
        }
        return text.personalText();
    }

    /** Admins may learn that an address is taken (they need to), and what to do instead. */
    private String alreadyUsed(String email, UserAccount existing) {
        return text("invitation.alreadyUsed." + existing.getStatus().name(), email);
    }

    private String text(String key, Object... args) {
        return texts.of(key, args);
    }
}
