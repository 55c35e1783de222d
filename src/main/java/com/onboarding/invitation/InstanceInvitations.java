package com.onboarding.invitation;

import com.onboarding.Texts;
import com.onboarding.engine.EngineActor;
import com.onboarding.scopes.AdminScopes;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.springframework.stereotype.Component;

/**
 * The invitation a step of {@code bpmn/user-invitation.bpmn} acts on: the one its process instance runs (a business
 * key naming another invitation is refused), and the admin who triggered the step, if they may act on its user.
 */
@Component
class InstanceInvitations {

    private final InvitationRepository invitations;
    private final EngineActor engineActor;
    private final AdminScopes adminScopes;
    private final Texts texts;

    InstanceInvitations(InvitationRepository invitations, EngineActor engineActor, AdminScopes adminScopes,
            Texts texts) {
        this.invitations = invitations;
        this.engineActor = engineActor;
        this.adminScopes = adminScopes;
        this.texts = texts;
    }

    /** The invitation of this process instance, locked; the business key must name the instance's own invitation. */
    Invitation find(long invitationId, String processInstanceId) {
        return ofInstance(invitations.findForUpdate(invitationId), invitationId, processInstanceId);
    }

    /**
     * The invitation of this process instance, to read. The steps that only read ("Plan next reminder", "Find who
     * follows up") run in the job of a step that locked it ("Send invitation mail", "Send reminder", "Mark invitation
     * expired"): it comes from this transaction's persistence context, without a second locking query and the
     * flush that such a query forces first.
     */
    Invitation read(long invitationId, String processInstanceId) {
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

    /** The admin who sent the message, if they may act on this invitation's user. */
    String actingAdmin(Invitation invitation, String verb) {
        String actor = engineActor.current().orElseThrow(() -> new AuthorizationException(
                "Only a signed-in administrator can " + verb + " an invitation."));
        if (!adminScopes.of(actor).coversUser(invitation.getUser())) {
            throw new AuthorizationException(actor + " may not " + verb + " invitation " + invitation.getId()
                    + ": its user belongs to clients outside their scope.");
        }
        return actor;
    }

    /**
     * For the timer "Link expired": the first period's timer is set while the invitation starts its instance, before
     * it records which instance that is (InvitationCommands#open, same transaction): an invitation without an
     * instance yet is the one starting.
     */
    Invitation readOrStarting(long invitationId, String processInstanceId) {
        Invitation invitation = invitations.findById(invitationId).orElse(null);
        return invitation != null && invitation.getProcessInstanceId() == null ? invitation
                : read(invitationId, processInstanceId);
    }

    /** The invitation, locked, if this instance runs it (none when another instance does, or it is gone). */
    Optional<Invitation> findIfOwn(long invitationId, String processInstanceId) {
        return invitations.findForUpdate(invitationId)
                .filter(invitation -> processInstanceId.equals(invitation.getProcessInstanceId()));
    }

    /**
     * The process reaches a step only while the invitation allows it; an operator can start one by hand (Cockpit's
     * modification, /engine-rest): then the reader is told why not, and nothing changes.
     */
    void requireOpen(boolean allowed, Invitation invitation, String verb) {
        if (!allowed) {
            throw InvitationStateException.notOpen(texts, invitation, verb);
        }
    }
}
