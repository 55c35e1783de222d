package com.onboarding.invitation;

import com.onboarding.engine.ProcessVariable;
import com.onboarding.engine.ProcessVariables;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The process {@code bpmn/user-invitation.bpmn} seen from Java: its key, messages, activities and variables.
 * Only the invitation's id lives in its variables; personal data stays in the application tables.
 */
@Component
public class InvitationProcess implements ProcessVariables {

    public static final String KEY = "user-invitation";

    public static final String MESSAGE_RESEND = "ResendInvitation";
    public static final String MESSAGE_CANCEL = "CancelInvitation";
    /** Sent by the registration page only; "Activate user" refuses it from anyone signed in to the engine. */
    public static final String MESSAGE_REGISTRATION_COMPLETED = "RegistrationCompleted";

    /** Where an invitation waits for its invitee. */
    public static final String STEP_COMPLETE_REGISTRATION = "CompleteRegistration";

    /**
     * The invitation this instance runs; the steps check it against the invitation's own record of its process
     * instance, so a rewritten variable never makes a step act on another invitation.
     */
    public static final ProcessVariable<Long> INVITATION_ID = ProcessVariable.of("invitationId", Long.class);

    @Override
    public List<ProcessVariable<?>> declared() {
        return List.of(INVITATION_ID);
    }

    public static String businessKey(long invitationId) {
        return "invitation-" + invitationId;
    }
}
