package com.onboarding.invitation;

import com.onboarding.Durations;
import com.onboarding.Texts;
import com.onboarding.approval.ApprovalSubject;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.engine.EngineActor;
import com.onboarding.engine.EngineErrors;
import com.onboarding.engine.ProcessVariable;
import com.onboarding.links.LinkTokens;
import com.onboarding.scopes.AdminScopes;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of {@code bpmn/user-invitation.bpmn}, called by its delegates only. Each step acts on the invitation
 * that belongs to the running process instance, and the ones an administrator triggers (resend, cancel) take the
 * actor from the engine's authenticated user and check that actor's scope: the same rules and the same audit entry
 * whether the message came from the screens, the JSON API, Tasklist or /engine-rest.
 */
@Service
public class InvitationSteps implements ApprovalSubject {

    private static final Logger log = LoggerFactory.getLogger(InvitationSteps.class);

    private final InvitationRepository invitations;
    private final InvitationSettings settings;
    private final InvitationMails mails;
    private final LinkTokens tokens;
    private final AuditLog audit;
    private final AdminScopes adminScopes;
    private final Inviters inviters;
    private final EngineActor engineActor;
    private final Clock clock;
    private final Texts texts;
    private final ApplicationEventPublisher events;

    public InvitationSteps(InvitationRepository invitations, InvitationSettings settings, InvitationMails mails,
            LinkTokens tokens, AuditLog audit, AdminScopes adminScopes, Inviters inviters,
            EngineActor engineActor, Clock clock, Texts texts, ApplicationEventPublisher events) {
        this.invitations = invitations;
        this.settings = settings;
        this.mails = mails;
        this.tokens = tokens;
        this.audit = audit;
        this.adminScopes = adminScopes;
        this.inviters = inviters;
        this.engineActor = engineActor;
        this.clock = clock;
        this.texts = texts;
        this.events = events;
    }

    /**
     * "Send invitation mail": issues the link and mails it in one transaction. If the mail fails, the link is rolled
     * back with it and the engine retries the whole step. If the mail went out and the transaction did not commit (a
     * crash), the retry mails the same link as the same mail (LinkTokens#forLink): every mail the invitee holds works.
     */
    @Transactional
    public void sendInvitationLink(long invitationId, String processInstanceId) {
        Invitation invitation = find(invitationId, processInstanceId);
        String token = nextLinkToken(invitation);
        invitation.attachLink(tokens.hash(token), clock.instant());
        mails.sendInvitation(invitation, token);
        events.publishEvent(InvitationEvent.of(InvitationEvent.Kind.SENT, invitation));
    }

    /** The token of the invitation's next link: derived, so a step run again after a crash mails the same one. */
    private String nextLinkToken(Invitation invitation) {
        return tokens.forLink(invitation.linkSubject(), invitation.nextLinkNumber());
    }

    /**
     * When the link period running now ends: the timer "Link expired" fires then, as the link check refuses. The
     * first period's timer is set while the invitation starts its instance, before it records which instance that is
     * (InvitationCommands#open, same transaction): an invitation without an instance yet is the one starting.
     */
    @Transactional(readOnly = true)
    public Instant linkExpiry(long invitationId, String processInstanceId) {
        Invitation invitation = invitations.findById(invitationId).orElse(null);
        return (invitation != null && invitation.getProcessInstanceId() == null ? invitation
                : read(invitationId, processInstanceId)).getExpiresAt();
    }

    /** "Mark invitation expired" (timer). */
    @Transactional
    public void expire(long invitationId, String processInstanceId) {
        Invitation invitation = find(invitationId, processInstanceId);
        requireOpen(invitation.getStatus() == InvitationStatus.PENDING, invitation, "expire");
        invitation.expire();
        audit.record(AuditLog.SYSTEM, AuditAction.INVITATION_EXPIRED, invitation.getUser().getId(),
                "invitation " + invitationId);
        events.publishEvent(InvitationEvent.of(InvitationEvent.Kind.EXPIRED, invitation));
    }

    /** "Issue new link" (resend): kills the old link and starts a new validity period. */
    @Transactional
    public void reopen(long invitationId, String processInstanceId) {
        Invitation invitation = find(invitationId, processInstanceId);
        String actor = actingAdmin(invitation, "resend");
        requireOpen(invitation.isOpen(), invitation, "resend");
        invitation.reopen(clock.instant(), settings.getLinkValidity());
        audit.record(actor, AuditAction.INVITATION_RESENT, invitation.getUser().getId(), "invitation " + invitationId);
    }

    /** "Cancel invitation". */
    @Transactional
    public void cancel(long invitationId, String processInstanceId) {
        Invitation invitation = find(invitationId, processInstanceId);
        String actor = actingAdmin(invitation, "cancel");
        requireOpen(invitation.isCancellable(), invitation, "cancel");
        invitation.cancel(clock.instant());
        audit.record(actor, AuditAction.INVITATION_CANCELLED, invitation.getUser().getId(),
                "invitation " + invitationId);
        events.publishEvent(InvitationEvent.of(InvitationEvent.Kind.CANCELLED, invitation));
    }

    @Override
    public String processKey() {
        return InvitationProcess.KEY;
    }

    @Override
    public ProcessVariable<Long> idVariable() {
        return InvitationProcess.INVITATION_ID;
    }

    /** The inviter asked for the invitation's approval (locked here: the decision follows in this transaction). */
    @Override
    @Transactional
    public String requester(long invitationId, String processInstanceId) {
        return find(invitationId, processInstanceId).getInvitedBy();
    }

    /** Approved by a second global admin: the invitation is sent, its link valid from now. */
    @Override
    @Transactional
    public void approve(long invitationId, String processInstanceId, String approver) {
        Invitation invitation = find(invitationId, processInstanceId);
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
        Invitation invitation = find(invitationId, processInstanceId);
        invitation.reject(approver, reason, clock.instant());
        audit.record(approver, AuditAction.INVITATION_REJECTED, invitation.getUser().getId(),
                "invitation " + invitationId + ": " + reason);
    }

    /** "Tell who asked": the rejection and its reason go to the inviting admin by mail. */
    @Override
    @Transactional
    public void mailRejection(long invitationId, String processInstanceId) {
        Invitation invitation = find(invitationId, processInstanceId);
        if (!mails.sendRejection(invitation)) {
            log.warn("Invitation {} was rejected, but its inviter {} has no mail address to be told.", invitationId,
                    invitation.getInvitedBy());
        }
    }

    /**
     * The timers "Reminder due" and "Next reminder due" (and "Plan next reminder" of older versions): the earliest
     * reminder time still ahead of now, from the configured offsets before the link's expiry; empty when none is
     * left (or the invitation is no longer waiting for its invitee).
     */
    @Transactional(readOnly = true)
    public Optional<Instant> nextReminder(long invitationId, String processInstanceId) {
        Invitation invitation = read(invitationId, processInstanceId);
        if (invitation.getStatus() != InvitationStatus.PENDING) {
            return Optional.empty();
        }
        return ReminderSchedule.next(settings.getReminders(), invitation.getExpiresAt(), clock.instant());
    }

    /**
     * "Send reminder": a fresh link replaces the one mailed before (only its hash is stored, so the first link
     * cannot be mailed again); the validity end stays where it was. Mail and link commit together, as for the
     * invitation mail.
     */
    @Transactional
    public void sendReminder(long invitationId, String processInstanceId) {
        Invitation invitation = find(invitationId, processInstanceId);
        Instant now = clock.instant();
        if (!invitation.admits(now)) {
            return; // registered, cancelled or expired a moment ago: nothing to remind of
        }
        String token = nextLinkToken(invitation);
        invitation.replaceLink(tokens.hash(token), now);
        mails.sendReminder(invitation, token);
        events.publishEvent(InvitationEvent.of(InvitationEvent.Kind.REMINDED, invitation));
        audit.record(AuditLog.SYSTEM, AuditAction.INVITATION_REMINDED, invitation.getUser().getId(),
                "invitation " + invitationId + ", valid until " + invitation.getExpiresAt());
    }

    /** Who follows up an expired invitation (null: the global admins), and by when. */
    public record FollowUp(String assignee, Instant due) {
    }

    /**
     * "Find who follows up": the inviter, if they still exist and may still act on the user; else nobody in
     * particular, and the task goes to the global admins. Due when the grace period ends.
     */
    @Transactional(readOnly = true)
    public FollowUp findFollowUp(long invitationId, String processInstanceId) {
        Invitation invitation = read(invitationId, processInstanceId);
        return new FollowUp(inviters.responsibleFor(invitation).orElse(null),
                clock.instant().plus(settings.getFollowUpGracePeriod()));
    }

    /**
     * "Check the decision": the answer of "Invitation expired: resend or cancel?" must be one of the two, from an
     * admin who may act on the user; the resend or cancel that follows is the Users screen's own step.
     */
    @Transactional
    public void recordFollowUpDecision(long invitationId, String processInstanceId, String decision) {
        Invitation invitation = find(invitationId, processInstanceId);
        if (!InvitationProcess.RESEND.equals(decision) && !InvitationProcess.CANCEL.equals(decision)) {
            throw EngineErrors.refused(texts.of("tasklist.followUp.choose"));
        }
        String actor = actingAdmin(invitation, decision);
        audit.record(actor, AuditAction.INVITATION_FOLLOWED_UP, invitation.getUser().getId(),
                "invitation " + invitationId + ": " + decision);
    }

    /** "Close lapsed invitation": the grace period ended and nobody followed up. */
    @Transactional
    public void lapse(long invitationId, String processInstanceId) {
        Invitation invitation = find(invitationId, processInstanceId);
        invitation.lapse(clock.instant());
        audit.record(AuditLog.SYSTEM, AuditAction.INVITATION_LAPSED, invitation.getUser().getId(),
                "invitation " + invitationId + ": nobody resent or cancelled it within "
                        + Durations.forPeople(settings.getFollowUpGracePeriod()) + " after it expired");
        events.publishEvent(InvitationEvent.of(InvitationEvent.Kind.LAPSED, invitation));
    }

    /**
     * "Activate user": the invitee registered. Only the registration page gets here, and it calls the engine as
     * nobody (the invitee is no engine user); anyone signed in to the engine who sends the message is refused.
     */
    @Transactional
    public void accept(long invitationId, String processInstanceId) {
        engineActor.current().ifPresent(actor -> {
            throw new AuthorizationException("Only the invitee completes the registration, on the registration page; "
                    + actor + " cannot do it for them.");
        });
        Invitation invitation = find(invitationId, processInstanceId);
        Instant now = clock.instant();
        invitation.accept(now);
        invitation.getUser().activate(now);
        audit.record(invitation.getUser().getEmail(), AuditAction.INVITATION_ACCEPTED, invitation.getUser().getId(),
                "invitation " + invitationId);
        events.publishEvent(InvitationEvent.of(InvitationEvent.Kind.ACCEPTED, invitation));
    }

    /** "Send confirmation mail". */
    @Transactional
    public void sendConfirmation(long invitationId, String processInstanceId) {
        mails.sendRegistrationConfirmation(find(invitationId, processInstanceId).getUser());
    }

    /**
     * The instance ended. Normally the invitation is closed by then (accepted or cancelled); if the instance was
     * deleted from the engine side (Cockpit, /engine-rest) while the invitation was open, the invitation is
     * cancelled here, so the user's row says "invitation cancelled" and Resend or Delete work on it.
     */
    @Transactional
    public void processEnded(long invitationId, String processInstanceId, String reason) {
        invitations.findForUpdate(invitationId)
                .filter(invitation -> processInstanceId.equals(invitation.getProcessInstanceId()))
                .filter(Invitation::isCancellable)
                .ifPresent(invitation -> {
                    invitation.cancel(clock.instant());
                    audit.record(engineActor.current().orElse(AuditLog.SYSTEM), AuditAction.INVITATION_CANCELLED,
                            invitation.getUser().getId(), "invitation " + invitationId
                                    + ": its process instance was deleted in the engine ("
                                    + (reason == null ? "no reason given" : reason) + ")");
                    events.publishEvent(InvitationEvent.of(InvitationEvent.Kind.CANCELLED, invitation));
                });
    }

    /** The admin who sent the message, if they may act on this invitation's user. */
    private String actingAdmin(Invitation invitation, String verb) {
        String actor = engineActor.current().orElseThrow(() -> new AuthorizationException(
                "Only a signed-in administrator can " + verb + " an invitation."));
        if (!adminScopes.of(actor).coversUser(invitation.getUser())) {
            throw new AuthorizationException(actor + " may not " + verb + " invitation " + invitation.getId()
                    + ": its user belongs to clients outside their scope.");
        }
        return actor;
    }

    /** The invitation of this process instance, locked; the variable must name the instance's own invitation. */
    /**
     * The process reaches these steps only while the invitation allows them; an operator can start one by hand
     * (Cockpit's modification, /engine-rest): then the reader is told why not, and nothing changes.
     */
    private void requireOpen(boolean allowed, Invitation invitation, String verb) {
        if (!allowed) {
            throw InvitationStateException.notOpen(texts, invitation, verb);
        }
    }

    private Invitation find(long invitationId, String processInstanceId) {
        return ofInstance(invitations.findForUpdate(invitationId), invitationId, processInstanceId);
    }

    /**
     * The invitation of this process instance, to read. The steps that only read ("Plan next reminder", "Find who
     * follows up") run in the job of a step that locked it ("Send invitation mail", "Send reminder", "Mark invitation
     * expired"): it comes from this transaction's persistence context, without a second locking query and the
     * flush that such a query forces first.
     */
    private Invitation read(long invitationId, String processInstanceId) {
        return ofInstance(invitations.findById(invitationId), invitationId, processInstanceId);
    }

    private static Invitation ofInstance(Optional<Invitation> found, long invitationId, String processInstanceId) {
        Invitation invitation = found
                .orElseThrow(() -> new InvitationStateException("Invitation " + invitationId + " does not exist."));
        if (!processInstanceId.equals(invitation.getProcessInstanceId())) {
            throw new BadUserRequestException("Process instance " + processInstanceId + " does not run invitation "
                    + invitationId + "; invitations are changed through the application only.");
        }
        return invitation;
    }
}
