package com.onboarding.newlink.process;

import com.onboarding.Texts;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.engine.EngineActor;
import com.onboarding.engine.EngineErrors;
import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationRepository;
import com.onboarding.invitation.InvitationStateException;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.newlink.NewLinkRequestProcess;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import java.util.Locale;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The admin's side of a request for a new link: the task's name, and the step that records their answer. */
@Component
class NewLinkAnswers {

    private final UserAccountRepository users;
    private final InvitationRepository invitations;
    private final InvitationCommands commands;
    private final AdminScopes adminScopes;
    private final EngineActor engineActor;
    private final AuditLog audit;
    private final Texts texts;

    NewLinkAnswers(UserAccountRepository users, InvitationRepository invitations, InvitationCommands commands,
            AdminScopes adminScopes, EngineActor engineActor, AuditLog audit, Texts texts) {
        this.users = users;
        this.invitations = invitations;
        this.commands = commands;
        this.adminScopes = adminScopes;
        this.engineActor = engineActor;
        this.audit = audit;
        this.texts = texts;
    }

    /**
     * "Record the answer": the admin who completed the task resends (a new link; a lapsed invitation is invited
     * again) or declines. The same scope check and audit as on the Users screen.
     */
    @Transactional
    public void answer(long userId, long invitationId, String decision) {
        String actor = engineActor.current().orElseThrow(() -> new AuthorizationException(
                "Only a signed-in administrator can answer a request for a new link."));
        UserAccount user = users.findById(userId).orElseThrow(() -> EngineErrors.refused(
                texts.of("tasklist.newLink.userGone")));
        if (!adminScopes.of(actor).coversUser(user)) {
            throw new AuthorizationException(actor + " may not answer for user " + userId
                    + ": they belong to clients outside their scope.");
        }
        if (NewLinkRequestProcess.DECLINE.equals(decision)) {
            audit.record(actor, AuditAction.NEW_LINK_DECLINED, userId, "invitation " + invitationId);
            return;
        }
        if (!NewLinkRequestProcess.RESEND.equals(decision)) {
            throw EngineErrors.refused(texts.of("tasklist.newLink.choose"));
        }
        Invitation invitation = invitations.findById(invitationId).orElseThrow(() -> EngineErrors.refused(
                texts.of("tasklist.newLink.invitationGone")));
        try {
            if (invitation.getStatus() == InvitationStatus.LAPSED) {
                commands.reinvite(userId, actor);
            } else {
                commands.requestResend(invitationId, actor);
            }
        } catch (InvitationStateException e) {
            throw EngineErrors.refused(texts.of("tasklist.newLink.declineInstead", e.getMessage()));
        }
    }

    /** Who asks, for the task's name ("Ina Vogel asks for a new link"), from the user's record: no variable holds it. */
    @Transactional(readOnly = true)
    public String inviteeName(long userId, Locale language) {
        return users.findById(userId).map(UserAccount::getFullName).orElseGet(() -> texts.of(language, "newLink.someone"));
    }
}
