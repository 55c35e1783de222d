package com.onboarding.admin.users;

import com.onboarding.ConflictException;
import com.onboarding.NotFoundException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import com.onboarding.account.PasswordResets;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.audit.SecurityReports;
import com.onboarding.clients.Client;
import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationProgress;
import com.onboarding.invitation.InvitationRepository;
import com.onboarding.invitation.PersonalText;
import com.onboarding.privacy.PersonalDataDeletion;
import com.onboarding.privileges.PrivilegeChanges;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.scopes.Grants;
import com.onboarding.users.Permission;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserEvent;
import com.onboarding.passkeys.Passkeys;
import com.onboarding.users.UserData;
import com.onboarding.users.UserStatus;
import com.onboarding.users.ValidUserData;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The user administration behind the Users screen, a client's Users tab and /api/users. Every method takes the
 * acting admin's scope and treats users outside it as not existing.
 */
@Service
public class UserAdministration {

    private final UserAccountRepository users;
    private final InvitationRepository invitations;
    private final InvitationCommands invitationCommands;
    private final PersonalDataDeletion personalData;
    private final Grants grants;
    private final AuditLog audit;
    private final PasswordResets passwordResets;
    private final SecurityReports securityReports;
    private final AdminScopes adminScopes;
    private final PrivilegeChanges privilegeChanges;
    private final InvitationProgress progress;
    private final Clock clock;
    private final Texts text;
    private final ApplicationEventPublisher events;
    private final Passkeys passkeys;

    public UserAdministration(UserAccountRepository users, InvitationRepository invitations,
            InvitationCommands invitationCommands, PersonalDataDeletion personalData, Grants grants, AuditLog audit,
            PasswordResets passwordResets, SecurityReports securityReports, AdminScopes adminScopes,
            PrivilegeChanges privilegeChanges, InvitationProgress progress, Clock clock, Texts text,
            ApplicationEventPublisher events, Passkeys passkeys) {
        this.users = users;
        this.invitations = invitations;
        this.invitationCommands = invitationCommands;
        this.personalData = personalData;
        this.grants = grants;
        this.audit = audit;
        this.passwordResets = passwordResets;
        this.securityReports = securityReports;
        this.adminScopes = adminScopes;
        this.privilegeChanges = privilegeChanges;
        this.progress = progress;
        this.clock = clock;
        this.text = text;
        this.events = events;
        this.passkeys = passkeys;
    }

    @Transactional(readOnly = true)
    public Page<UserRow> search(UserSearch search, AdminScope scope) {
        return search(search, scope, UserSearch.PAGE_SIZE);
    }

    /** One page of {@code size} rows of the list as this admin sees it. */
    @Transactional(readOnly = true)
    public Page<UserRow> search(UserSearch search, AdminScope scope, int size) {
        Instant now = clock.instant();
        Page<UserAccount> page = users.findAll(UserSpecifications.matching(search, scope, now), search.pageable(size));
        Map<Long, Invitation> current = invitations.findAllById(page.getContent().stream()
                        .map(UserAccount::getCurrentInvitationId).filter(Objects::nonNull).toList())
                .stream().collect(Collectors.toMap(Invitation::getId, Function.identity()));
        Map<Long, String> pendingChanges = privilegeChanges.pendingChanges(
                page.getContent().stream().map(UserAccount::getId).toList());
        Map<String, String> failedSteps = failedSteps(current.values());
        Set<String> withPasskey = passkeys.withPasskey(page.getContent().stream().map(UserAccount::getEmail).toList());
        Map<Long, Instant> lastSignIns = audit.lastSignIns(page.getContent().stream().map(UserAccount::getId).toList());
        return page.map(user -> row(user, current.get(user.getCurrentInvitationId()), pendingChanges.get(user.getId()),
                failedSteps, withPasskey.contains(user.getEmail()), lastSignIns.get(user.getId()), now));
    }

    /**
     * The ids of the users this search finds for this admin, in the list's order, at most {@code limit} (a selection
     * of "every user matching the filter" asks one more than it allows, to tell that there are too many).
     */
    @Transactional(readOnly = true)
    public List<Long> ids(UserSearch search, AdminScope scope, int limit) {
        List<Long> ids = new ArrayList<>();
        Page<UserAccount> page;
        int number = 0;
        do {
            page = users.findAll(UserSpecifications.matching(search, scope, clock.instant()),
                    search.atPage(number++).pageable(UserExport.ROWS_PER_READ));
            page.forEach(user -> ids.add(user.getId()));
        } while (page.hasNext() && ids.size() < limit);
        return ids.size() > limit ? ids.subList(0, limit) : ids;
    }

    @Transactional(readOnly = true)
    public UserRow row(long userId, AdminScope scope) {
        Current current = current(userId, scope);
        return row(current.user(), current.invitation(), privilegeChanges.pendingChange(userId).orElse(null),
                failedSteps(Collections.singleton(current.invitation())),
                !passkeys.withPasskey(List.of(current.user().getEmail())).isEmpty(),
                audit.lastSignIns(List.of(userId)).get(userId), clock.instant());
    }

    /** The steps of these invitations' processes that stopped in an incident, by process instance (nulls skipped). */
    private Map<String, String> failedSteps(Collection<Invitation> invitations) {
        return progress.failedSteps(invitations.stream().filter(Objects::nonNull)
                .map(Invitation::getProcessInstanceId).filter(Objects::nonNull).toList());
    }

    /** The sensitive role or permission asked for the user that waits for approval, or null. */
    @Transactional(readOnly = true)
    public String pendingChange(long userId, AdminScope scope) {
        return privilegeChanges.pendingChange(get(userId, scope).getId()).orElse(null);
    }

    /** The user, if it exists and lies within the admin's scope. */
    @Transactional(readOnly = true)
    public UserAccount get(long userId, AdminScope scope) {
        return users.findById(userId).filter(scope::coversUser).orElseThrow(() -> new NotFoundException("User", userId));
    }

    /** Changes the user's data, role, permissions and clients. Like every row action, answers the row as it is now. */
    @Transactional
    public UserRow edit(long userId, UserData data, AdminScope scope) {
        UserAccount user = get(userId, scope);
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
        return row(userId, scope);
    }

    /** Resend: a new link for an open invitation; after a cancellation, a new invitation. */
    @Transactional
    public UserRow resendInvitation(long userId, AdminScope scope) {
        return resendInvitation(userId, null, scope);
    }

    /** Resend with a new personal text in the mail (null: the text stays as it is). */
    @Transactional
    public UserRow resendInvitation(long userId, PersonalText newText, AdminScope scope) {
        Current current = current(userId, scope, UserListStatus::resendable, "users.conflict.noResend");
        if (current.status().invitesAgain()) {
            invitationCommands.reinvite(userId, scope.adminId(), newText);
        } else {
            invitationCommands.requestResend(current.invitation().getId(), scope.adminId(), newText);
        }
        return row(userId, scope);
    }

    /** What the "Resend with a new text" page shows: the user, and the text the next mail would carry. */
    public record ResendForm(UserRow user, String personalText) {
    }

    /** The page's data if the invitation can be resent now; otherwise the same refusal as the resend's. */
    @Transactional(readOnly = true)
    public ResendForm resendForm(long userId, AdminScope scope) {
        Current current = current(userId, scope, UserListStatus::resendable, "users.conflict.noResend");
        return new ResendForm(row(userId, scope),
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
        Current current = current(userId, scope, UserListStatus::cancellable, "users.conflict.noCancel");
        invitationCommands.requestCancel(current.invitation().getId(), scope.adminId());
        return row(userId, scope);
    }

    /** Deactivated users cannot sign in or register; an open invitation is cancelled with it. */
    @Transactional
    public UserRow deactivate(long userId, AdminScope scope) {
        Current current = current(userId, scope);
        if (current.status() == UserListStatus.DEACTIVATED) {
            throw new ConflictException(text.of("user.alreadyDeactivated", current.user().getEmail()));
        }
        if (current.status().cancellable()) {
            invitationCommands.requestCancel(current.invitation().getId(), scope.adminId());
        }
        current.user().deactivate(clock.instant());
        audit.record(scope.adminId(), AuditAction.USER_DEACTIVATED, userId, null);
        events.publishEvent(UserEvent.of(UserEvent.Kind.DEACTIVATED, current.user()));
        return row(userId, scope);
    }

    @Transactional
    public UserRow reactivate(long userId, AdminScope scope) {
        UserAccount user = get(userId, scope);
        if (user.getStatus() != UserStatus.DEACTIVATED) {
            throw new ConflictException(text.of("user.notDeactivated", user.getEmail()));
        }
        user.reactivate();
        audit.record(scope.adminId(), AuditAction.USER_REACTIVATED, userId, null);
        return row(userId, scope);
    }

    /** Mails the user a single-use reset link. */
    @Transactional
    public UserRow resetPassword(long userId, AdminScope scope) {
        UserAccount user = get(userId, scope);
        passwordResets.issue(user, scope.adminId());
        return row(userId, scope);
    }

    /** Mails the requesting admin the user's security report. */
    @Transactional
    public UserRow requestSecurityReport(long userId, AdminScope scope) {
        UserAccount user = get(userId, scope);
        securityReports.send(userId, user.getFullName() + " <" + user.getEmail() + ">", scope.adminId(),
                adminScopes.emailOf(scope.adminId()));
        return row(userId, scope);
    }

    /** Deletes the user and their personal data everywhere (see PersonalDataDeletion). */
    @Transactional
    public UserRow delete(long userId, AdminScope scope) {
        UserRow gone = row(userId, scope);
        personalData.delete(get(userId, scope), scope.adminId());
        return gone;
    }

    /** A user with their newest invitation and the status the list shows for them. */
    private record Current(UserAccount user, Invitation invitation, UserListStatus status) {
    }

    /** "There is no open invitation to cancel: ina@example.com is Invite accepted." in the page's language. */
    private ConflictException conflict(String key, Current current) {
        return new ConflictException(text.of(key, current.user().getEmail(),
                text.of("status." + current.status().name())));
    }

    /** The user as this admin sees them, if their status allows the action; otherwise the conflict {@code key}. */
    private Current current(long userId, AdminScope scope, Predicate<UserListStatus> allowed, String key) {
        Current current = current(userId, scope);
        if (!allowed.test(current.status())) {
            throw conflict(key, current);
        }
        return current;
    }

    private Current current(long userId, AdminScope scope) {
        UserAccount user = get(userId, scope);
        Invitation invitation = user.getCurrentInvitationId() == null ? null
                : invitations.findById(user.getCurrentInvitationId()).orElse(null);
        return new Current(user, invitation, UserListStatus.of(user, invitation, clock.instant()));
    }

    private static UserRow row(UserAccount user, Invitation current, String pendingChange,
            Map<String, String> failedSteps, boolean passkey, Instant lastSignIn, Instant now) {
        UserListStatus status = UserListStatus.of(user, current, now);
        return new UserRow(user.getId(), user.getFirstName(), user.getLastName(), user.getEmail(),
                user.getRole().getName(),
                user.getClients().stream().map(Client::getName).sorted().toList(),
                status, user.getCreatedAt(),
                status == UserListStatus.INVITED || status == UserListStatus.LINK_EXPIRED ? current.getExpiresAt() : null,
                pendingChange, current == null ? null : current.getProcessInstanceId(),
                current == null ? null : failedSteps.get(current.getProcessInstanceId()), passkey,
                current == null ? null : current.getInvitedBy(), lastSignIn);
    }

    /** Role, permissions and clients in a line, for the audit log. */
    private static String describe(UserAccount user) {
        return "role " + user.getRole().getCode()
                + ", permissions " + user.getPermissions().stream().map(Permission::getCode).sorted().toList()
                + ", clients " + user.clientIds()
                + ", " + user.getFullName() + " (" + user.getLanguage().code() + ")";
    }
}
