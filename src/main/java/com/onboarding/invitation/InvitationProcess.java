package com.onboarding.invitation;

import com.onboarding.engine.ProcessVariable;
import com.onboarding.engine.ProcessVariables;
import com.onboarding.approval.ApprovalProcess;
import com.onboarding.users.UserAccount;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The process {@code bpmn/user-invitation.bpmn} seen from Java: its key, messages, activities and variables.
 * No variable holds personal data except a rejection's reason for a moment (declared personal: never in history);
 * the people and their data stay in the application's tables.
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
    /** Where an invitation waits for a second global admin (the call of bpmn/four-eyes-approval.bpmn). */
    public static final String STEP_FOUR_EYES_APPROVAL = "FourEyesApproval";
    /** The inviter's (or global admins') task after the link expired. */
    public static final String TASK_FOLLOW_UP = "FollowUpExpiredInvitation";

    /**
     * The invitation this instance runs; the steps check it against the invitation's own record of its process
     * instance, so a rewritten variable never makes a step act on another invitation.
     */
    public static final ProcessVariable<Long> INVITATION_ID = ProcessVariable.of("invitationId", Long.class);
    /** Set at the start from the invitation's role and permissions (a sensitive one needs approval). */
    public static final ProcessVariable<Boolean> NEEDS_APPROVAL = ProcessVariable.of("needsApproval", Boolean.class);
    /** What the approver decides on (role, permissions, clients, inviter; no personal data), in each language. */
    public static final ProcessVariable<SpinJsonNode> APPROVAL_SUMMARY = ApprovalProcess.SUMMARY;
    /** The user's row on the Users screen, for the tasks' forms and Cockpit. */
    public static final ProcessVariable<String> USER_LINK = ApprovalProcess.USER_LINK;
    /** The four-eyes approval's answer (bpmn/four-eyes-approval.bpmn, called by this process). */
    public static final ProcessVariable<Boolean> APPROVED = ApprovalProcess.APPROVED;
    /** When the next reminder goes out; null when no further reminder is due. */
    public static final ProcessVariable<Date> NEXT_REMINDER_AT = ProcessVariable.of("nextReminderAt", Date.class);
    /** Who follows up an expired invitation (null: the global admins), and by when. */
    public static final ProcessVariable<String> FOLLOW_UP_ASSIGNEE = ProcessVariable.of("followUpAssignee", String.class);
    public static final ProcessVariable<Date> FOLLOW_UP_DUE = ProcessVariable.of("followUpDue", Date.class);
    /** The follow-up's decision from the task's form: {@value #RESEND} or {@value #CANCEL}. */
    public static final ProcessVariable<String> FOLLOW_UP_DECISION =
            ProcessVariable.of("followUpDecision", String.class);
    public static final String RESEND = "resend";
    public static final String CANCEL = "cancel";

    @Override
    public List<ProcessVariable<?>> declared() {
        return List.of(INVITATION_ID, NEEDS_APPROVAL, APPROVAL_SUMMARY, USER_LINK, APPROVED, NEXT_REMINDER_AT,
                FOLLOW_UP_ASSIGNEE, FOLLOW_UP_DUE, FOLLOW_UP_DECISION);
    }

    /** What an invitation's instance starts with: ids, the approval question and the answer to it, no names. */
    static Map<String, Object> startVariables(Invitation invitation, SpinJsonNode approvalSummary) {
        boolean needsApproval = invitation.getStatus() == InvitationStatus.AWAITING_APPROVAL;
        Map<String, Object> variables = new HashMap<>();
        variables.put(INVITATION_ID.name(), invitation.getId());
        variables.put(NEEDS_APPROVAL.name(), needsApproval);
        variables.put(USER_LINK.name(), UserAccount.adminPath(invitation.getUser().getId()));
        if (needsApproval) {
            variables.put(APPROVAL_SUMMARY.name(), approvalSummary);
        }
        return variables;
    }

    @Override
    public List<String> messages() {
        return List.of(MESSAGE_RESEND, MESSAGE_CANCEL, MESSAGE_REGISTRATION_COMPLETED);
    }

    /** Business keys are this and the id; an approval it calls carries the same. */
    public static final String BUSINESS_KEY_PREFIX = "invitation-";

    public static String businessKey(long invitationId) {
        return BUSINESS_KEY_PREFIX + invitationId;
    }
}
