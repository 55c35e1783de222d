package com.onboarding.invitation;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.engine.EngineActor;
import com.onboarding.links.LinkTokens;
import com.onboarding.scopes.AdminScopes;
import java.time.Clock;
import java.time.Instant;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
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

    private final InvitationRepository invitations;
    private final InvitationSettings settings;
    private final InvitationMails mails;
    private final LinkTokens tokens;
    private final AuditLog audit;
    private final AdminScopes adminScopes;
    private final EngineActor engineActor;
    private final Clock clock;

    public InvitationSteps(InvitationRepository invitations, InvitationSettings settings, InvitationMails mails,
            LinkTokens tokens, AuditLog audit, AdminScopes adminScopes, EngineActor engineActor, Clock clock) {
        this.invitations = invitations;
        this.settings = settings;
        this.mails = mails;
        this.tokens = tokens;
        this.audit = audit;
        this.adminScopes = adminScopes;
        this.engineActor = engineActor;
        this.clock = clock;
    }

    /**
     * "Send invitation mail": issues the link and mails it in one transaction. If the mail fails, the link is rolled
     * back with it and the engine retries the whole step, so only a link that was mailed can work.
     */
    @Transactional
    public void sendInvitationLink(long invitationId, String processInstanceId) {
        Invitation invitation = find(invitationId, processInstanceId);
        String token = tokens.newToken();
        invitation.attachLink(tokens.hash(token), clock.instant());
        mails.sendInvitation(invitation, token);
    }

    /** "Mark invitation expired" (timer). */
    @Transactional
    public void expire(long invitationId, String processInstanceId) {
        Invitation invitation = find(invitationId, processInstanceId);
        invitation.expire();
        audit.record(AuditLog.SYSTEM, AuditAction.INVITATION_EXPIRED, invitation.getUser().getId(),
                "invitation " + invitationId);
    }

    /** "Issue new link" (resend): kills the old link and starts a new validity period. */
    @Transactional
    public void reopen(long invitationId, String processInstanceId) {
        Invitation invitation = find(invitationId, processInstanceId);
        String actor = actingAdmin(invitation, "resend");
        invitation.reopen(clock.instant(), settings.getLinkValidity());
        audit.record(actor, AuditAction.INVITATION_RESENT, invitation.getUser().getId(), "invitation " + invitationId);
    }

    /** "Cancel invitation". */
    @Transactional
    public void cancel(long invitationId, String processInstanceId) {
        Invitation invitation = find(invitationId, processInstanceId);
        String actor = actingAdmin(invitation, "cancel");
        invitation.cancel(clock.instant());
        audit.record(actor, AuditAction.INVITATION_CANCELLED, invitation.getUser().getId(),
                "invitation " + invitationId);
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
                .filter(Invitation::isOpen)
                .ifPresent(invitation -> {
                    invitation.cancel(clock.instant());
                    audit.record(engineActor.current().orElse(AuditLog.SYSTEM), AuditAction.INVITATION_CANCELLED,
                            invitation.getUser().getId(), "invitation " + invitationId
                                    + ": its process instance was deleted in the engine ("
                                    + (reason == null ? "no reason given" : reason) + ")");
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
    private Invitation find(long invitationId, String processInstanceId) {
        Invitation invitation = invitations.findForUpdate(invitationId)
                .orElseThrow(() -> new InvitationStateException("Invitation " + invitationId + " does not exist."));
        if (!processInstanceId.equals(invitation.getProcessInstanceId())) {
            throw new BadUserRequestException("Process instance " + processInstanceId + " does not run invitation "
                    + invitationId + "; invitations are changed through the application only.");
        }
        return invitation;
    }
}
