package com.onboarding.admin.users;

import com.onboarding.NotFoundException;
import com.onboarding.audit.AuditLog;
import com.onboarding.clients.Client;
import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationProgress;
import com.onboarding.invitation.InvitationRepository;
import com.onboarding.passkeys.Passkeys;
import com.onboarding.privileges.PrivilegeChanges;
import com.onboarding.scopes.AdminScope;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The users as an admin sees them (the list, a row, a user; the Users screen, a client's Users tab, the export, a
 * user's page, /api/users): each read takes the admin's scope and treats users outside it as not existing. What the
 * admins do to users is {@link UserAdministration} and {@link UserAccountActions}.
 */
@Service
public class UserDirectory {

    private final UserAccountRepository users;
    private final InvitationRepository invitations;
    private final PrivilegeChanges privilegeChanges;
    private final InvitationProgress progress;
    private final Passkeys passkeys;
    private final AuditLog audit;
    private final Clock clock;

    UserDirectory(UserAccountRepository users, InvitationRepository invitations, PrivilegeChanges privilegeChanges,
            InvitationProgress progress, Passkeys passkeys, AuditLog audit, Clock clock) {
        this.users = users;
        this.invitations = invitations;
        this.privilegeChanges = privilegeChanges;
        this.progress = progress;
        this.passkeys = passkeys;
        this.audit = audit;
        this.clock = clock;
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

    /**
     * That every one of these users exists and lies within the admin's scope, read at once; otherwise "not found" for
     * the first that does not, as on their row.
     */
    @Transactional(readOnly = true)
    public void requireAll(Collection<Long> userIds, AdminScope scope) {
        Set<Long> covered = users.findAllById(userIds).stream().filter(scope::coversUser).map(UserAccount::getId)
                .collect(Collectors.toSet());
        userIds.stream().filter(id -> !covered.contains(id)).findFirst().ifPresent(id -> {
            throw new NotFoundException("User", id);
        });
    }

    /** A user with their newest invitation and the status the list shows for them. */
    record Current(UserAccount user, Invitation invitation, UserListStatus status) {
    }

    /** The user as this admin sees them, with their newest invitation and the status the list shows. */
    Current current(long userId, AdminScope scope) {
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
}
