package com.onboarding.invitation;

import com.onboarding.ConcurrentChangeException;
import com.onboarding.Texts;
import com.onboarding.clients.Client;
import com.onboarding.engine.EngineActor;
import com.onboarding.language.EveryLanguage;
import com.onboarding.links.LinkNotUsableException;
import com.onboarding.users.AccessDescriptions;
import com.onboarding.users.UserAccount;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The invitations' door to their process (bpmn/user-invitation.bpmn): start one for a new invitation, and send it
 * the messages of an admin's command or of the invitee's registration. Each runs as whoever acts
 * ({@link EngineActor}), so the process steps it triggers know who it is.
 */
@Component
class InvitationProcesses {

    private final RuntimeService runtime;
    private final EngineActor engineActor;
    private final InvitationMails mails;
    private final Texts texts;
    private final AccessDescriptions access;
    private final ApplicationEventPublisher events;

    InvitationProcesses(RuntimeService runtime, EngineActor engineActor, InvitationMails mails, Texts texts,
            AccessDescriptions access, ApplicationEventPublisher events) {
        this.runtime = runtime;
        this.engineActor = engineActor;
        this.mails = mails;
        this.texts = texts;
        this.access = access;
        this.events = events;
    }

    /**
     * Starts the new invitation's process as the inviting admin and announces the invitation. With a sensitive role
     * or permission, the process first asks another global admin to approve.
     */
    void start(Invitation invitation, UserAccount user, String actor, boolean needsApproval) {
        ProcessInstance instance = engineActor.runAs(actor, () -> runtime
                .createProcessInstanceByKey(InvitationProcess.KEY)
                .businessKey(InvitationProcess.businessKey(invitation.getId()))
                .setVariables(InvitationProcess.startVariables(invitation, approvalSummary(user, actor, needsApproval)))
                .execute());
        invitation.linkToProcess(instance.getId());
        events.publishEvent(InvitationEvent.of(InvitationEvent.Kind.CREATED, invitation));
    }

    /**
     * What the approver decides on, without personal data (the user's row is one click away), in each language;
     * null when nobody needs to approve.
     */
    private SpinJsonNode approvalSummary(UserAccount user, String actor, boolean needsApproval) {
        if (!needsApproval) {
            return null;
        }
        String inviter = mails.inviterName(actor);
        return EveryLanguage.of(locale -> texts.of(locale, "summary.approval", user.getRole().name(locale),
                access.permissions(user.getPermissions(), locale),
                user.getClients().stream().map(Client::getName).sorted().reduce((a, b) -> a + ", " + b)
                        .orElse(access.none(locale)),
                inviter, actor));
    }

    /**
     * The invitee registered: tells the process, whose "Activate user" activates them in the same transaction. Sent
     * as nobody, as that step demands: the invitee is no engine user. Refused as a dead link when the process no
     * longer waits for the invitee (an admin changed the invitation this moment).
     */
    void registrationCompleted(Invitation invitation) {
        try {
            runtime.createMessageCorrelation(InvitationProcess.MESSAGE_REGISTRATION_COMPLETED)
                    .processInstanceId(invitation.getProcessInstanceId())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            throw new LinkNotUsableException();
        } catch (OptimisticLockingException e) {
            throw new ConcurrentChangeException(e);
        }
    }

    /** An admin's command (resend, cancel) as a message to the invitation's process, as that admin. */
    void correlate(Invitation invitation, String message, String verb, String actor) {
        try {
            engineActor.runAs(actor, () -> runtime.createMessageCorrelation(message)
                    .processInstanceId(invitation.getProcessInstanceId())
                    .correlateWithResult());
        } catch (MismatchingMessageCorrelationException e) {
            // The process moved on between our check and the correlation (e.g. the invitee just registered).
            throw new InvitationStateException(texts.of("invitation.changedMeanwhile",
                    texts.of("invitation.verb." + verb)));
        } catch (OptimisticLockingException e) {
            throw new ConcurrentChangeException(e);
        }
    }
}
