package com.onboarding.invitation;

import com.onboarding.Durations;
import com.onboarding.Texts;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.engine.EngineErrors;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The expired invitation's follow-up in {@code bpmn/user-invitation.bpmn}: who decides, whether the decision is one
 * of the two, and the invitation closed when nobody decided within the grace period.
 */
@Service
public class InvitationFollowUps {

    /** Who follows up an expired invitation (null: the global admins), and by when. */
    public record FollowUp(String assignee, Instant due) {
    }

    private final InstanceInvitations instances;
    private final Inviters inviters;
    private final InvitationSettings settings;
    private final AuditLog audit;
    private final Clock clock;
    private final Texts texts;
    private final ApplicationEventPublisher events;

    InvitationFollowUps(InstanceInvitations instances, Inviters inviters, InvitationSettings settings, AuditLog audit,
            Clock clock, Texts texts, ApplicationEventPublisher events) {
        this.instances = instances;
        this.inviters = inviters;
        this.settings = settings;
        this.audit = audit;
        this.clock = clock;
        this.texts = texts;
        this.events = events;
    }

    /**
     * "Find who follows up": the inviter, if they still exist and may still act on the user; else nobody in
     * particular, and the task goes to the global admins. Due when the grace period ends.
     */
    @Transactional(readOnly = true)
    public FollowUp findFollowUp(long invitationId, String processInstanceId) {
        Invitation invitation = instances.read(invitationId, processInstanceId);
        return new FollowUp(inviters.responsibleFor(invitation).orElse(null),
                clock.instant().plus(settings.getFollowUpGracePeriod()));
    }

    /**
     * "Check the decision": the answer of "Invitation expired: resend or cancel?" must be one of the two, from an
     * admin who may act on the user; the resend or cancel that follows is the Users screen's own step.
     */
    @Transactional
    public void recordFollowUpDecision(long invitationId, String processInstanceId, String decision) {
        Invitation invitation = instances.find(invitationId, processInstanceId);
        if (!InvitationProcess.RESEND.equals(decision) && !InvitationProcess.CANCEL.equals(decision)) {
            throw EngineErrors.refused(texts.of("tasklist.followUp.choose"));
        }
        String actor = instances.actingAdmin(invitation, decision);
        audit.record(actor, AuditAction.INVITATION_FOLLOWED_UP, invitation.getUser().getId(),
                "invitation " + invitationId + ": " + decision);
    }

    /** "Close lapsed invitation": the grace period ended and nobody followed up. */
    @Transactional
    public void lapse(long invitationId, String processInstanceId) {
        Invitation invitation = instances.find(invitationId, processInstanceId);
        invitation.lapse(clock.instant());
        audit.record(AuditLog.SYSTEM, AuditAction.INVITATION_LAPSED, invitation.getUser().getId(),
                "invitation " + invitationId + ": nobody resent or cancelled it within "
                        + Durations.forPeople(settings.getFollowUpGracePeriod()) + " after it expired");
        events.publishEvent(InvitationEvent.of(InvitationEvent.Kind.LAPSED, invitation));
    }
}
