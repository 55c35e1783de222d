package com.onboarding.privileges;

import com.onboarding.Texts;
import com.onboarding.approval.ApprovalSubject;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.engine.EngineActor;
import com.onboarding.engine.ProcessHistory;
import com.onboarding.engine.ProcessVariable;
import com.onboarding.language.EveryLanguage;
import com.onboarding.users.AccessDescriptions;
import com.onboarding.users.Permission;
import com.onboarding.users.Role;
import com.onboarding.users.UserAccount;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Four-eyes for edits: an edit that grants a sensitive role or permission the user does not hold yet waits, as a
 * {@link PrivilegeChange}, for another global admin's decision in Tasklist ({@code bpmn/privilege-change.bpmn}).
 * A newer edit of the same user replaces a pending change.
 */
@Service
public class PrivilegeChanges implements ApprovalSubject {

    private static final Logger log = LoggerFactory.getLogger(PrivilegeChanges.class);

    private final PrivilegeChangeRepository changes;
    private final PrivilegeMails mails;
    private final AuditLog audit;
    private final RuntimeService runtime;
    private final ProcessHistory history;
    private final EngineActor engineActor;
    private final Clock clock;
    private final Texts texts;
    private final AccessDescriptions access;

    PrivilegeChanges(PrivilegeChangeRepository changes, PrivilegeMails mails,
            AuditLog audit, RuntimeService runtime, ProcessHistory history,
            EngineActor engineActor, Clock clock, Texts texts, AccessDescriptions access) {
        this.changes = changes;
        this.mails = mails;
        this.audit = audit;
        this.runtime = runtime;
        this.history = history;
        this.engineActor = engineActor;
        this.clock = clock;
        this.texts = texts;
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
        String asker = mails.adminName(actor);
        SpinJsonNode summary = EveryLanguage.of(locale -> texts.of(locale, "summary.privilegeChange",
                access.privileges(role, permissions, locale), user.getRole().name(locale), asker, actor));
        ProcessInstance instance = engineActor.runAs(actor, () -> runtime
                .createProcessInstanceByKey(PrivilegeChangeProcess.KEY)
                .businessKey(PrivilegeChangeProcess.businessKey(change.getId()))
                .setVariable(PrivilegeChangeProcess.CHANGE_ID.name(), change.getId())
                .setVariable(PrivilegeChangeProcess.APPROVAL_SUMMARY.name(), summary)
                .setVariable(PrivilegeChangeProcess.USER_LINK.name(), UserAccount.adminPath(user.getId()))
                .execute());
        change.linkToProcess(instance.getId());
        return change;
    }

    /** A newer edit of the user: the pending change, if any, is withdrawn and its task disappears. */
    @Transactional
    public void withdrawPending(long userId, String actor) {
        changes.findPendingForUpdate(userId).ifPresent(pending -> {
            pending.withdraw(actor, clock.instant());
            audit.record(actor, AuditAction.PRIVILEGE_CHANGE_WITHDRAWN, userId,
                    "change " + pending.getId() + " replaced by a newer edit");
            deleteInstance(pending.getProcessInstanceId(), actor, "withdrawn: replaced by a newer edit");
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
    private String describe(PrivilegeChange change, Locale locale) {
        return access.privileges(change.getRole(), change.getPermissions(), locale);
    }

    @Transactional(readOnly = true)
    public Optional<String> pendingChange(long userId) {
        return Optional.ofNullable(pendingChanges(Set.of(userId)).get(userId));
    }

    @Override
    public String processKey() {
        return PrivilegeChangeProcess.KEY;
    }

    @Override
    public ProcessVariable<Long> idVariable() {
        return PrivilegeChangeProcess.CHANGE_ID;
    }

    /** The admin who edited the user asked (locked here: the decision follows in this transaction). */
    @Override
    @Transactional
    public String requester(long changeId, String processInstanceId) {
        return find(changeId, processInstanceId).getRequestedBy();
    }

    /** Approved by a second global admin: the role and permissions are granted at once. */
    @Override
    @Transactional
    public void approve(long changeId, String processInstanceId, String approver) {
        PrivilegeChange change = find(changeId, processInstanceId);
        change.approve(approver, clock.instant());
        audit.record(approver, AuditAction.PRIVILEGE_CHANGE_APPROVED, change.getUser().getId(),
                "change " + changeId + ": " + describe(change, Locale.ENGLISH));
    }

    /** Rejected by a second global admin: nothing changes; the reason stays with the change. */
    @Override
    @Transactional
    public void reject(long changeId, String processInstanceId, String approver, String reason) {
        PrivilegeChange change = find(changeId, processInstanceId);
        change.reject(approver, reason, clock.instant());
        audit.record(approver, AuditAction.PRIVILEGE_CHANGE_REJECTED, change.getUser().getId(),
                "change " + changeId + ": " + reason);
    }

    /** "Tell who asked": the rejection and its reason, by mail. */
    @Override
    @Transactional
    public void mailRejection(long changeId, String processInstanceId) {
        PrivilegeChange change = find(changeId, processInstanceId);
        if (!mails.sendRejection(change)) {
            log.warn("Privilege change {} was rejected, but {} has no mail address to be told.", changeId,
                    change.getRequestedBy());
        }
    }

    /** Deleting a user: their changes go, with their process instances in runtime and history. */
    @Transactional
    public void forget(long userId) {
        for (PrivilegeChange change : changes.findByUserId(userId)) {
            changes.delete(change);
            changes.flush();
            String instanceId = change.getProcessInstanceId();
            if (instanceId != null) {
                deleteInstance(instanceId, null, "user deleted");
                history.deleteWithCalledInstances(instanceId);
            }
        }
    }

    private void deleteInstance(String instanceId, String actor, String reason) {
        if (instanceId != null && runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
            engineActor.runAs(actor, () -> {
                runtime.deleteProcessInstance(instanceId, reason, true, true);
                return null;
            });
        }
    }

    /** The change of this process instance, locked; the variable must name the instance's own change. */
    private PrivilegeChange find(long changeId, String processInstanceId) {
        PrivilegeChange change = changes.findForUpdate(changeId).orElseThrow(() ->
                new BadUserRequestException("Privilege change " + changeId + " does not exist."));
        if (!processInstanceId.equals(change.getProcessInstanceId())) {
            throw new BadUserRequestException("Process instance " + processInstanceId + " does not decide privilege "
                    + "change " + changeId + ".");
        }
        return change;
    }
}
