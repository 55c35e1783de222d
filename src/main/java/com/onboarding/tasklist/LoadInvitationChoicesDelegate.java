package com.onboarding.tasklist;

import com.onboarding.engine.EngineActor;
import com.onboarding.tasklist.InviteUserChoices.Choices;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Service task "Load roles, permissions and clients": puts what the signed-in admin may choose into Json variables
 * that the Camunda Form reads. This is why Tasklist's "Invite user" is a user task and not a start form: Tasklist
 * loads no variables for start forms, so their options could only be typed into the form.
 */
@Component("loadInvitationChoices")
class LoadInvitationChoicesDelegate implements JavaDelegate {

    private final InviteUserChoices choices;
    private final EngineActor engineActor;

    LoadInvitationChoicesDelegate(InviteUserChoices choices, EngineActor engineActor) {
        this.choices = choices;
        this.engineActor = engineActor;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // Offer only what this admin may grant; the server checks again on submission.
        Choices offered = choices.of(engineActor.current()
                .orElseThrow(() -> new AuthorizationException("Sign in to invite users.")));
        InviteUserProcess.LANGUAGE_OPTIONS.set(execution, offered.languages());
        InviteUserProcess.ROLE_OPTIONS.set(execution, offered.roles());
        InviteUserProcess.PERMISSION_OPTIONS.set(execution, offered.permissions());
        InviteUserProcess.CLIENT_OPTIONS.set(execution, offered.clients());
        InviteUserProcess.LIMITS.set(execution, offered.limits());
    }
}
