package com.onboarding.privileges.process;

import com.onboarding.approval.ApprovalSubject;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.engine.BusinessKey;
import com.onboarding.privileges.PrivilegeChange;
import com.onboarding.privileges.PrivilegeChangeProcess;
import com.onboarding.privileges.PrivilegeChangeRepository;
import com.onboarding.privileges.PrivilegeChanges;
import java.time.Clock;
import java.util.Locale;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What bpmn/privilege-change.bpmn does with a change, as the subject of its four-eyes approval: who asked, the
 * decision applied, the rejection told. Each step checks that the change is its own instance's.
 */
@Component
class PrivilegeChangeSteps implements ApprovalSubject {

    private static final Logger log = LoggerFactory.getLogger(PrivilegeChangeSteps.class);

    private final PrivilegeChangeRepository changes;
    private final PrivilegeChanges privilegeChanges;
    private final PrivilegeMails mails;
    private final AuditLog audit;
    private final Clock clock;

    PrivilegeChangeSteps(PrivilegeChangeRepository changes, PrivilegeChanges privilegeChanges, PrivilegeMails mails,
            AuditLog audit, Clock clock) {
        this.changes = changes;
        this.privilegeChanges = privilegeChanges;
        this.mails = mails;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String processKey() {
        return PrivilegeChangeProcess.KEY;
    }

    @Override
    public BusinessKey businessKey() {
        return PrivilegeChangeProcess.BUSINESS_KEY;
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
                "change " + changeId + ": " + privilegeChanges.describe(change, Locale.ENGLISH));
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
