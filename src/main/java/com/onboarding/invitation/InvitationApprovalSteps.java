package com.onboarding.invitation;

import com.onboarding.approval.ApprovalSubject;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.engine.BusinessKey;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * An invitation as the subject of its four-eyes approval (an invitation with a sensitive role or permission): who
 * asked, the decision applied, the rejection told.
 */
@Component
class InvitationApprovalSteps implements ApprovalSubject {

    private static final Logger log = LoggerFactory.getLogger(InvitationApprovalSteps.class);

    private final InstanceInvitations instances;
    private final InvitationSettings settings;
    private final InvitationMails mails;
    private final AuditLog audit;
    private final Clock clock;

    InvitationApprovalSteps(InstanceInvitations instances, InvitationSettings settings, InvitationMails mails,
            AuditLog audit, Clock clock) {
        this.instances = instances;
        this.settings = settings;
        this.mails = mails;
        this.audit = audit;
        this.clock = clock;
    }

    @Override
    public String processKey() {
        return InvitationProcess.KEY;
    }

    @Override
    public BusinessKey businessKey() {
        return InvitationProcess.BUSINESS_KEY;
    }

    /** The inviter asked for the invitation's approval (locked here: the decision follows in this transaction). */
    @Override
    @Transactional
    public String requester(long invitationId, String processInstanceId) {
        return instances.find(invitationId, processInstanceId).getInvitedBy();
    }

    /** Approved by a second global admin: the invitation is sent, its link valid from now. */
    @Override
    @Transactional
    public void approve(long invitationId, String processInstanceId, String approver) {
        Invitation invitation = instances.find(invitationId, processInstanceId);
        invitation.approve(approver, clock.instant(), settings.getLinkValidity());
        audit.record(approver, AuditAction.INVITATION_APPROVED, invitation.getUser().getId(),
                "invitation " + invitationId);
        audit.record(invitation.getInvitedBy(), AuditAction.INVITATION_SENT, invitation.getUser().getId(),
                "invitation " + invitationId + ", approved by " + approver);
    }

    /** Rejected by a second global admin: no mail goes out; the reason stays with the invitation. */
    @Override
    @Transactional
    public void reject(long invitationId, String processInstanceId, String approver, String reason) {
        Invitation invitation = instances.find(invitationId, processInstanceId);
        invitation.reject(approver, reason, clock.instant());
        audit.record(approver, AuditAction.INVITATION_REJECTED, invitation.getUser().getId(),
                "invitation " + invitationId + ": " + reason);
    }

    /** "Tell who asked": the rejection and its reason go to the inviting admin by mail. */
    @Override
    @Transactional
    public void mailRejection(long invitationId, String processInstanceId) {
        Invitation invitation = instances.find(invitationId, processInstanceId);
        if (!mails.sendRejection(invitation)) {
            log.warn("Invitation {} was rejected, but its inviter {} has no mail address to be told.", invitationId,
                    invitation.getInvitedBy());
        }
    }
}
