package com.onboarding.invitation;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.invitation.InvitationRules.ValidInvitation;
import com.onboarding.security.LinkTokens;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import com.onboarding.users.UserStatus;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.runtime.ProcessInstanceWithVariables;
import org.camunda.bpm.engine.variable.Variables;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Everything that happens to an invitation. Admin actions ({@link #invite}, {@link #requestResend},
 * {@link #requestCancel}) start or signal the invitation's process instance; the process's delegates call the
 * step methods, so every state change happens in the process's own transaction.
 */
@Service
public class InvitationService {

    private final InvitationRules rules;
    private final InvitationRepository invitations;
    private final UserAccountRepository users;
    private final InvitationSettings settings;
    private final InvitationMails mails;
    private final LinkTokens tokens;
    private final AuditLog audit;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final Clock clock;

    public InvitationService(InvitationRules rules, InvitationRepository invitations, UserAccountRepository users,
            InvitationSettings settings, InvitationMails mails, LinkTokens tokens, AuditLog audit,
            RuntimeService runtime, HistoryService history, Clock clock) {
        this.rules = rules;
        this.invitations = invitations;
        this.users = users;
        this.settings = settings;
        this.mails = mails;
        this.tokens = tokens;
        this.audit = audit;
        this.runtime = runtime;
        this.history = history;
        this.clock = clock;
    }

    // ---- admin actions -------------------------------------------------------------------------------------

    /**
     * Starts the invitation process. The request travels as a transient variable, so no personal data is
     * written to the engine; a rejected request throws {@link InvitationRejectedException} and leaves nothing behind.
     *
     * @return the id of the new invitation
     */
    @Transactional
    public long invite(InvitationRequest request) {
        ProcessInstanceWithVariables instance = runtime.createProcessInstanceByKey(InvitationProcess.KEY)
                .setVariable(InvitationProcess.REQUEST, Variables.objectValue(request, true).create())
                .executeWithVariablesInReturn();
        return (Long) instance.getVariables().get(InvitationProcess.INVITATION_ID.name());
    }

    @Transactional(readOnly = true)
    public long userOf(long invitationId) {
        return invitations.findById(invitationId).orElseThrow().getUser().getId();
    }

    /** "Resend invitation": a new link valid for the full period; the old link is dead when this returns. */
    @Transactional
    public void requestResend(long invitationId, String actor) {
        Invitation invitation = find(invitationId);
        if (invitation.getStatus() != InvitationStatus.PENDING && invitation.getStatus() != InvitationStatus.EXPIRED) {
            throw new InvitationStateException(notOpen(invitation, "resent"));
        }
        audit.record(actor, AuditAction.INVITATION_RESENT, invitation.getUser().getId(), "invitation " + invitationId);
        correlate(invitation, InvitationProcess.MESSAGE_RESEND, "resent");
    }

    /** "Cancel invitation": the link is dead when this returns. */
    @Transactional
    public void requestCancel(long invitationId, String actor) {
        Invitation invitation = find(invitationId);
        if (invitation.getStatus() != InvitationStatus.PENDING && invitation.getStatus() != InvitationStatus.EXPIRED) {
            throw new InvitationStateException(notOpen(invitation, "cancelled"));
        }
        audit.record(actor, AuditAction.INVITATION_CANCELLED, invitation.getUser().getId(), "invitation " + invitationId);
        correlate(invitation, InvitationProcess.MESSAGE_CANCEL, "cancelled");
    }

    /**
     * Invites a user again whose invitation was cancelled (or who was deactivated before registering): a new
     * invitation and a new process instance that starts directly at "Invitation open".
     */
    @Transactional
    public long reinvite(long userId, String actor) {
        UserAccount user = users.findById(userId)
                .orElseThrow(() -> new InvitationStateException("User " + userId + " does not exist."));
        if (user.getStatus() != UserStatus.INVITED) {
            throw new InvitationStateException("Only invited users can be invited again; " + user.getEmail() + " is "
                    + (user.getStatus() == UserStatus.ACTIVE ? "active." : "deactivated."));
        }
        String previousText = user.getCurrentInvitationId() == null ? null
                : invitations.findById(user.getCurrentInvitationId()).map(Invitation::getPersonalText).orElse(null);
        Invitation invitation = invitations.save(new Invitation(user, actor, previousText, clock.instant(),
                settings.getLinkValidity()));
        ProcessInstance instance = runtime.createProcessInstanceByKey(InvitationProcess.KEY)
                .businessKey(InvitationProcess.businessKey(invitation.getId()))
                .startBeforeActivity(InvitationProcess.SUBPROCESS_INVITATION_OPEN)
                .setVariable(InvitationProcess.INVITATION_ID.name(), invitation.getId())
                .setVariable(InvitationProcess.USER_ID.name(), user.getId())
                .execute();
        invitation.linkToProcess(instance.getId());
        user.setCurrentInvitationId(invitation.getId());
        audit.record(actor, AuditAction.INVITATION_SENT, user.getId(), "invitation " + invitation.getId() + " (again)");
        return invitation.getId();
    }

    /**
     * Removes every trace of the user's invitations, from the application's tables and from the engine's runtime
     * and history (for "Delete user").
     */
    @Transactional
    public void forget(long userId) {
        List<Invitation> all = invitations.findByUserIdOrderByCreatedAtDesc(userId);
        for (Invitation invitation : all) {
            String instanceId = invitation.getProcessInstanceId();
            if (instanceId == null) {
                continue;
            }
            if (runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
                runtime.deleteProcessInstance(instanceId, "user deleted", true, true);
            }
            history.deleteHistoricProcessInstanceIfExists(instanceId);
        }
        invitations.deleteAll(all);
    }

    private void correlate(Invitation invitation, String message, String verb) {
        try {
            runtime.createMessageCorrelation(message)
                    .processInstanceId(invitation.getProcessInstanceId())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            // The process moved on between our check and the correlation (e.g. the invitee just registered).
            throw new InvitationStateException("The invitation can no longer be " + verb
                    + ": it changed a moment ago. Reload to see its current state.");
        } catch (OptimisticLockingException e) {
            throw new ConcurrentInvitationChangeException(e);
        }
    }

    private static String notOpen(Invitation invitation, String verb) {
        return switch (invitation.getStatus()) {
            case ACCEPTED -> "The invitation cannot be " + verb + ": " + invitation.getUser().getEmail()
                    + " has already accepted it and is active.";
            case CANCELLED -> "The invitation cannot be " + verb + ": it was cancelled.";
            default -> "The invitation cannot be " + verb + " in state " + invitation.getStatus() + ".";
        };
    }

    // ---- process steps (called by the delegates of bpmn/user-invitation.bpmn) ------------------------------

    /** Step "Create invited user": checks the request and creates the user and the invitation. */
    @Transactional
    public Invitation createInvitation(InvitationRequest request, String processInstanceId) {
        ValidInvitation valid = rules.check(request);
        Instant now = clock.instant();
        UserAccount user = UserAccount.invited(valid.profile(), valid.data().role(), valid.data().permissions(),
                valid.data().clients(), now);
        try {
            user = users.saveAndFlush(user);
        } catch (DataIntegrityViolationException e) {
            throw new InvitationRejectedException(
                    List.of(new Problem("email", InvitationRules.invitedConcurrently(valid.profile().email()))));
        }
        Invitation invitation = new Invitation(user, valid.invitedBy(), valid.personalText(), now,
                settings.getLinkValidity());
        invitation.linkToProcess(processInstanceId);
        invitation = invitations.save(invitation);
        user.setCurrentInvitationId(invitation.getId());
        audit.record(valid.invitedBy(), AuditAction.INVITATION_SENT, user.getId(), "invitation " + invitation.getId());
        return invitation;
    }

    /**
     * Step "Send invitation mail": issues the link and mails it in one transaction. If the mail fails, the link
     * is rolled back with it and the engine retries the whole step, so only a link that was mailed can work.
     */
    @Transactional
    public void sendInvitationLink(long invitationId) {
        Invitation invitation = find(invitationId);
        String token = tokens.newToken();
        invitation.attachLink(tokens.hash(token), clock.instant());
        mails.sendInvitation(invitation, token);
    }

    /** Step "Mark invitation expired" (timer). */
    @Transactional
    public void expire(long invitationId) {
        Invitation invitation = find(invitationId);
        invitation.expire();
        audit.record(AuditLog.SYSTEM, AuditAction.INVITATION_EXPIRED, invitation.getUser().getId(),
                "invitation " + invitationId);
    }

    /** Step "Issue new link" (resend): kills the old link and starts a new validity period. */
    @Transactional
    public void reopen(long invitationId) {
        find(invitationId).reopen(clock.instant(), settings.getLinkValidity());
    }

    /** Step "Cancel invitation". */
    @Transactional
    public void cancel(long invitationId) {
        find(invitationId).cancel(clock.instant());
    }

    /** Step "Activate user": the invitee registered. */
    @Transactional
    public void accept(long invitationId) {
        Invitation invitation = find(invitationId);
        Instant now = clock.instant();
        invitation.accept(now);
        invitation.getUser().activate(now);
        audit.record(invitation.getUser().getEmail(), AuditAction.INVITATION_ACCEPTED, invitation.getUser().getId(),
                "invitation " + invitationId);
    }

    /** Step "Send confirmation mail". */
    @Transactional
    public void sendConfirmation(long invitationId) {
        mails.sendRegistrationConfirmation(find(invitationId).getUser());
    }

    private Invitation find(long invitationId) {
        return invitations.findForUpdate(invitationId)
                .orElseThrow(() -> new InvitationStateException("Invitation " + invitationId + " does not exist."));
    }
}
