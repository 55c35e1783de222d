package com.onboarding.invitation;

import com.onboarding.engine.ProcessVariable;

/**
 * The process {@code bpmn/user-invitation.bpmn} seen from Java: its key, messages, activities and variables.
 * Only ids live in its variables; personal data stays in the application tables.
 */
public final class InvitationProcess {

    public static final String KEY = "user-invitation";

    public static final String MESSAGE_RESEND = "ResendInvitation";
    public static final String MESSAGE_CANCEL = "CancelInvitation";

    /** The subprocess of one link period; a new invitation for an existing user starts here. */
    public static final String SUBPROCESS_INVITATION_OPEN = "InvitationOpen";

    /** The invitee's user task; the registration page completes it. */
    public static final String TASK_COMPLETE_REGISTRATION = "CompleteRegistration";

    public static final ProcessVariable<Long> INVITATION_ID = ProcessVariable.of("invitationId", Long.class);
    public static final ProcessVariable<Long> USER_ID = ProcessVariable.of("userId", Long.class);

    /**
     * The admin's request, handed to the first service task as a transient variable: it is never written to the
     * runtime or history tables.
     */
    public static final String REQUEST = "invitationRequest";

    private InvitationProcess() {
    }

    public static String businessKey(long invitationId) {
        return "invitation-" + invitationId;
    }
}
