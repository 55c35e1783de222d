package com.onboarding.newlink;

import com.onboarding.engine.ProcessVariable;
import com.onboarding.engine.ProcessVariables;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The process {@code bpmn/new-link-request.bpmn} seen from Java. Every request from the dead-link page starts one,
 * whatever the address: the page answers the same and takes the same time for all; the check runs afterwards as a
 * job. No variable holds personal data: the address waits in the application's table until the check, and the task's
 * name is set from the user's record.
 */
@Component
public class NewLinkRequestProcess implements ProcessVariables {

    public static final String KEY = "new-link-request";
    public static final String TASK_ANSWER = "Activity_AnswerNewLinkRequest";

    /** The request's row (the address) in the application's table, until the check deletes it. */
    public static final ProcessVariable<Long> REQUEST_ID = ProcessVariable.of("newLinkRequestId", Long.class);
    /** Whether the address belongs to an invitation that is open, expired or lapsed (set by the check). */
    public static final ProcessVariable<Boolean> ELIGIBLE = ProcessVariable.of("eligible", Boolean.class);
    public static final ProcessVariable<Long> USER_ID = ProcessVariable.of("userId", Long.class);
    public static final ProcessVariable<Long> INVITATION_ID = ProcessVariable.of("invitationId", Long.class);
    /** The inviter, or null: the global admins. */
    public static final ProcessVariable<String> RECIPIENT = ProcessVariable.of("recipient", String.class);
    public static final ProcessVariable<String> USER_LINK = ProcessVariable.of("userLink", String.class);
    /** The answer from the task's form: {@value #RESEND} or {@value #DECLINE}. */
    public static final ProcessVariable<String> DECISION = ProcessVariable.of("newLinkDecision", String.class);
    public static final String RESEND = "resend";
    public static final String DECLINE = "decline";

    @Override
    public List<ProcessVariable<?>> declared() {
        return List.of(REQUEST_ID, ELIGIBLE, USER_ID, INVITATION_ID, RECIPIENT, USER_LINK, DECISION);
    }

    /** Set once the request is known to concern this user: deleting the user finds their requests by it. */
    public static String businessKey(long userId) {
        return "new-link-user-" + userId;
    }
}
