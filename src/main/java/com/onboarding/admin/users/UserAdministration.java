package com.onboarding.admin.users;

import com.onboarding.ConflictException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.PersonalText;
import com.onboarding.privileges.PrivilegeChanges;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.Grants;
import com.onboarding.users.Permission;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserEvent;
import com.onboarding.users.UserData;
import com.onboarding.users.UserStatus;
import com.onboarding.users.ValidUserData;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What admins do to users from the Users screen, a client's Users tab, a selection and /api/users: edit, resend,
 * cancel, deactivate, reactivate. Every method takes the acting admin's scope and treats users outside it as not
 * existing (through {@link UserDirectory}); each answers the user's row as it is afterwards.
 */
@Service
public class UserAdministration {

    private final UserDirectory directory;
    private final InvitationCommands invitationCommands;
    private final Grants grants;
    private final AuditLog audit;
    private final PrivilegeChanges privilegeChanges;
    private final Clock clock;
    private final Texts text;
    private final ApplicationEventPublisher events;

    UserAdministration(UserDirectory directory, InvitationCommands invitationCommands, Grants grants, AuditLog audit,
            PrivilegeChanges privilegeChanges, Clock clock, Texts text, ApplicationEventPublisher events) {
        this.directory = directory;
        this.invitationCommands = invitationCommands;
        this.grants = grants;
        this.audit = audit;
        this.privilegeChanges = privilegeChanges;
        this.clock = clock;
        this.text = text;
        this.events = events;
    }

    /** Changes the user's data, role, permissions and clients. Like every row action, answers the row as it is now. */
    @Transactional
    public UserRow edit(long userId, UserData data, AdminScope scope) {
        UserAccount user = directory.get(userId, scope);
        List<Problem> problems = new ArrayList<>();
        ValidUserData valid = grants.check(scope, data, problems);
        if (!problems.isEmpty()) {
            throw new RejectedRequestException("The user was not changed:", problems);
        }
        String before = describe(user);
        // Four-eyes: new sensitive access waits for another global admin; the rest of the edit applies now.
        boolean needsApproval = PrivilegeChanges.needsApproval(user, valid.role(), valid.permissions());
        if (needsApproval) {
            user.edit(valid.firstName(), valid.lastName(), valid.language(), user.getRole(), user.getPermissions(),
                    valid.clients());
        } else {
            privilegeChanges.withdrawPending(userId, scope.adminId());
            user.edit(valid.firstName(), valid.lastName(), valid.language(), valid.role(), valid.permissions(),
                    valid.clients());
        }
        audit.record(scope.adminId(), AuditAction.USER_EDITED, user.getId(), before + " → " + describe(user));
        if (needsApproval) {
            privilegeChanges.request(user, valid.role(), valid.permissions(), scope.adminId());
        }
        return directory.row(userId, scope);
    }

    /** Resend: a new link for an open invitation; after a cancellation, a new invitation. */
    @Transactional
    public UserRow resendInvitation(long userId, AdminScope scope) {
        return resendInvitation(userId, null, scope);
    }

    /** Resend with a new personal text in the mail (null: the text stays as it is). */
    @Transactional
    public UserRow resendInvitation(long userId, PersonalText newText, AdminScope scope) {
        UserDirectory.Current current = current(userId, scope, UserListStatus::resendable, "users.conflict.noResend");
        if (current.status().invitesAgain()) {
            invitationCommands.reinvite(userId, scope.adminId(), newText);
        } else {
            invitationCommands.requestResend(current.invitation().getId(), scope.adminId(), newText);
        }
        return directory.row(userId, scope);
    }

    /** What the "Resend with a new text" page shows: the user, and the text the next mail would carry. */
    public record ResendForm(UserRow user, String personalText) {
    }

    /** The page's data if the invitation can be resent now; otherwise the same refusal as the resend's. */
    @Transactional(readOnly = true)
    public ResendForm resendForm(long userId, AdminScope scope) {
        UserDirectory.Current current = current(userId, scope, UserListStatus::resendable, "users.conflict.noResend");
        return new ResendForm(directory.row(userId, scope),
                current.invitation() == null ? null : current.invitation().getPersonalText());
    }

    /** The instance of the user's invitation while it awaits a second admin's approval; otherwise a conflict. */
    @Transactional(readOnly = true)
    public String awaitingApproval(long userId, AdminScope scope) {
        return current(userId, scope, status -> status == UserListStatus.AWAITING_APPROVAL,
                "users.conflict.noApproval").invitation().getProcessInstanceId();
    }

    @Transactional
    public UserRow cancelInvitation(long userId, AdminScope scope) {
        UserDirectory.Current current = current(userId, scope, UserListStatus::cancellable, "users.conflict.noCancel");
        invitationCommands.requestCancel(current.invitation().getId(), scope.adminId());
        return directory.row(userId, scope);
    }

    /** Deactivated users cannot sign in or register; an open invitation is cancelled with it. */
    @Transactional
    public UserRow deactivate(long userId, AdminScope scope) {
        UserDirectory.Current current = directory.current(userId, scope);
        if (current.status() == UserListStatus.DEACTIVATED) {
            throw new ConflictException(text.of("user.alreadyDeactivated", current.user().getEmail()));
        }
        if (current.status().cancellable()) {
            invitationCommands.requestCancel(current.invitation().getId(), scope.adminId());
        }
        current.user().deactivate(clock.instant());
        audit.record(scope.adminId(), AuditAction.USER_DEACTIVATED, userId, null);
        events.publishEvent(UserEvent.of(UserEvent.Kind.DEACTIVATED, current.user()));
        return directory.row(userId, scope);
    }

    @Transactional
    public UserRow reactivate(long userId, AdminScope scope) {
        UserAccount user = directory.get(userId, scope);
        if (user.getStatus() != UserStatus.DEACTIVATED) {
            throw new ConflictException(text.of("user.notDeactivated", user.getEmail()));
        }
        user.reactivate();
        audit.record(scope.adminId(), AuditAction.USER_REACTIVATED, userId, null);
        return directory.row(userId, scope);
    }

    /** "There is no open invitation to cancel: ina@example.com is Invite accepted." in the page's language. */
    private ConflictException conflict(String key, UserDirectory.Current current) {
        return new ConflictException(text.of(key, current.user().getEmail(),
                text.of("status." + current.status().name())));
    }

    /** The user as this admin sees them, if their status allows the action; otherwise the conflict {@code key}. */
    private UserDirectory.Current current(long userId, AdminScope scope, Predicate<UserListStatus> allowed,
            String key) {
        UserDirectory.Current current = directory.current(userId, scope);
        if (!allowed.test(current.status())) {
            throw conflict(key, current);
        }
        return current;
    }

    /** Role, permissions and clients in a line, for the audit log. */
    private static String describe(UserAccount user) {
        return "role " + user.getRole().getCode()
                + ", permissions " + user.getPermissions().stream().map(Permission::getCode).sorted().toList()
                + ", clients " + user.clientIds()
                + ", " + user.getFullName() + " (" + user.getLanguage().code() + ")";
    }
}
