package com.onboarding.invitation;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.engine.EngineActor;
import com.onboarding.links.LinkTokens;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
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
public class InvitationSteps {

    private final InstanceInvitations instances;
    private final InvitationSettings settings;
    private final InvitationMails mails;
    private final LinkTokens tokens;
    private final AuditLog audit;
    private final EngineActor engineActor;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    InvitationSteps(InstanceInvitations instances, InvitationSettings settings, InvitationMails mails,
            LinkTokens tokens, AuditLog audit, EngineActor engineActor, Clock clock, ApplicationEventPublisher events) {
        this.instances = instances;
        this.settings = settings;
        this.mails = mails;
        this.tokens = tokens;
        this.audit = audit;
        this.engineActor = engineActor;
        this.clock = clock;
        this.events = events;
    }

    /**
     * "Send invitation mail": issues the link and mails it in one transaction. If the mail fails, the link is rolled
     * back with it and the engine retries the whole step. If the mail went out and the transaction did not commit (a
     * crash), the retry mails the same link as the same mail (LinkTokens#forLink): every mail the invitee holds works.
     */
    @Transactional
    public void sendInvitationLink(long invitationId, String processInstanceId) {
        Invitation invitation = instances.find(invitationId, processInstanceId);
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
     * When the link period running now ends: the timer "Link expired" fires then, as the link check refuses (also
     * for the invitation whose instance is starting, see {@link InstanceInvitations#readOrStarting}).
     */
    @Transactional(readOnly = true)
    public Instant linkExpiry(long invitationId, String processInstanceId) {
        return instances.readOrStarting(invitationId, processInstanceId).getExpiresAt();
    }

    /** "Mark invitation expired" (timer). */
    @Transactional
    public void expire(long invitationId, String processInstanceId) {
        Invitation invitation = instances.find(invitationId, processInstanceId);
        instances.requireOpen(invitation.getStatus() == InvitationStatus.PENDING, invitation, "expire");
        invitation.expire();
        audit.record(AuditLog.SYSTEM, AuditAction.INVITATION_EXPIRED, invitation.getUser().getId(),
                "invitation " + invitationId);
        events.publishEvent(InvitationEvent.of(InvitationEvent.Kind.EXPIRED, invitation));
    }

    /** "Issue new link" (resend): kills the old link and starts a new validity period. */
    @Transactional
    public void reopen(long invitationId, String processInstanceId) {
        Invitation invitation = instances.find(invitationId, processInstanceId);
        String actor = instances.actingAdmin(invitation, "resend");
        instances.requireOpen(invitation.isOpen(), invitation, "resend");
        invitation.reopen(clock.instant(), settings.getLinkValidity());
        audit.record(actor, AuditAction.INVITATION_RESENT, invitation.getUser().getId(), "invitation " + invitationId);
    }

    /** "Cancel invitation". */
    @Transactional
    public void cancel(long invitationId, String processInstanceId) {
        Invitation invitation = instances.find(invitationId, processInstanceId);
        String actor = instances.actingAdmin(invitation, "cancel");
        instances.requireOpen(invitation.isCancellable(), invitation, "cancel");
        invitation.cancel(clock.instant());
        audit.record(actor, AuditAction.INVITATION_CANCELLED, invitation.getUser().getId(),
                "invitation " + invitationId);
        events.publishEvent(InvitationEvent.of(InvitationEvent.Kind.CANCELLED, invitation));
    }

    /**
     * The timers "Reminder due" and "Next reminder due" (and "Plan next reminder" of older versions): the earliest
     * reminder time still ahead of now, from the configured offsets before the link's expiry; empty when none is
     * left (or the invitation is no longer waiting for its invitee).
     */
    @Transactional(readOnly = true)
    public Optional<Instant> nextReminder(long invitationId, String processInstanceId) {
        Invitation invitation = instances.read(invitationId, processInstanceId);
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
        Invitation invitation = instances.find(invitationId, processInstanceId);
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
        Invitation invitation = instances.find(invitationId, processInstanceId);
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
        mails.sendRegistrationConfirmation(instances.find(invitationId, processInstanceId).getUser());
    }

    /**
     * The instance ended. Normally the invitation is closed by then (accepted or cancelled); if the instance was
     * deleted from the engine side (Cockpit, /engine-rest) while the invitation was open, the invitation is
     * cancelled here, so the user's row says "invitation cancelled" and Resend or Delete work on it.
     */
    @Transactional
    public void processEnded(long invitationId, String processInstanceId, String reason) {
        instances.findIfOwn(invitationId, processInstanceId)
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

}
