package com.onboarding.privileges;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.users.AccessDescriptions;
import com.onboarding.users.Permission;
import com.onboarding.users.Role;
import com.onboarding.users.UserAccount;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four-eyes for edits, the admin's side: an edit that grants a sensitive role or permission the user does not hold
 * yet waits, as a {@link PrivilegeChange}, for another global admin's decision in Tasklist
 * ({@code bpmn/privilege-change.bpmn}, started and ended by {@code privileges.process}). A newer edit of the same user
 * replaces a pending change.
 */
@Service
public class PrivilegeChanges {

    /** A change was asked for: its process starts, in the same transaction. */
    public record Requested(PrivilegeChange change) {
    }

    /** These process instances have nothing left to decide (a newer edit, or the user deleted). */
    public record Ended(List<String> processInstanceIds, String actor, String reason, boolean forgotten) {
    }

    private final PrivilegeChangeRepository changes;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final AccessDescriptions access;

    PrivilegeChanges(PrivilegeChangeRepository changes, AuditLog audit, ApplicationEventPublisher events, Clock clock,
            AccessDescriptions access) {
        this.changes = changes;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.access = access;
    }

    /** Whether giving the user this role and these permissions grants sensitive access they do not hold yet. */
    public static boolean needsApproval(UserAccount user, Role role, Set<Permission> permissions) {
        boolean newSensitiveRole = role.isSensitive() && !role.getCode().equals(user.getRole().getCode());
        Set<String> held = user.getPermissions().stream().map(Permission::getCode).collect(Collectors.toSet());
        return newSensitiveRole
                || permissions.stream().anyMatch(p -> p.isSensitive() && !held.contains(p.getCode()));
    }

    /**
     * Asks another global admin to approve giving the user this role and these permissions; until then the user
     * keeps theirs. Replaces a pending change of the same user.
     */
    @Transactional
    public PrivilegeChange request(UserAccount user, Role role, Set<Permission> permissions, String actor) {
        withdrawPending(user.getId(), actor);
        PrivilegeChange change = changes.save(new PrivilegeChange(user, role, permissions, actor, clock.instant()));
        audit.record(actor, AuditAction.PRIVILEGE_CHANGE_REQUESTED, user.getId(),
                "change " + change.getId() + ": " + describe(change, Locale.ENGLISH));
        events.publishEvent(new Requested(change));
        return change;
    }

    /** A newer edit of the user: the pending change, if any, is withdrawn and its task disappears. */
    @Transactional
    public void withdrawPending(long userId, String actor) {
        changes.findPendingForUpdate(userId).ifPresent(pending -> {
            pending.withdraw(actor, clock.instant());
            audit.record(actor, AuditAction.PRIVILEGE_CHANGE_WITHDRAWN, userId,
                    "change " + pending.getId() + " replaced by a newer edit");
            events.publishEvent(new Ended(instances(List.of(pending)), actor, "withdrawn: replaced by a newer edit",
                    false));
        });
    }

    /** The pending change of each of these users that has one, described in the page's language. */
    @Transactional(readOnly = true)
    public Map<Long, String> pendingChanges(Collection<Long> userIds) {
        if (userIds.isEmpty()) {
            return Map.of();
        }
        return changes.findPending(userIds).stream()
                .collect(Collectors.toMap(change -> change.getUser().getId(),
                        change -> describe(change, LocaleContextHolder.getLocale())));
    }

    /** "role Administrator, permissions Approve payments (sensitive)"; the audit trail keeps it in English. */
    public String describe(PrivilegeChange change, Locale locale) {
        return access.privileges(change.getRole(), change.getPermissions(), locale);
    }

    @Transactional(readOnly = true)
    public Optional<String> pendingChange(long userId) {
        return Optional.ofNullable(pendingChanges(Set.of(userId)).get(userId));
    }

    /** Deleting a user: their changes go, with their process instances in runtime and history. */
    @Transactional
    public void forget(long userId) {
        List<PrivilegeChange> theirs = changes.findByUserId(userId);
        changes.deleteAll(theirs);
        changes.flush();
        events.publishEvent(new Ended(instances(theirs), null, "user deleted", true));
    }

    private static List<String> instances(List<PrivilegeChange> changes) {
        return changes.stream().map(PrivilegeChange::getProcessInstanceId).filter(Objects::nonNull).toList();
    }
}
