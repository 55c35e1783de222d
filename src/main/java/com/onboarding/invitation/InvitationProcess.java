package com.onboarding.invitation;

import com.onboarding.engine.BusinessKey;
import com.onboarding.engine.ProcessVariable;
import com.onboarding.engine.ProcessVariables;
import com.onboarding.approval.ApprovalProcess;
import com.onboarding.users.UserAccount;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.variable.Variables;
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

    /** Where an invitation waits for a second global admin (the call of bpmn/four-eyes-approval.bpmn). */
    public static final String STEP_FOUR_EYES_APPROVAL = Elements.FOUR_EYES_APPROVAL;
    /** The inviter's (or global admins') task after the link expired. */
    public static final String TASK_FOLLOW_UP = Elements.FOLLOW_UP_EXPIRED_INVITATION;

    /**
     * The invitation this instance runs is named by its business key, "invitation-" and the id (no variable holds
     * it); the steps check it against the invitation's own record of its process instance. Instances started
     * before 2026-12-05 also carry the variable invitationId, which nothing reads any more.
     */
    public static final BusinessKey BUSINESS_KEY = new BusinessKey("invitation-");
    /**
     * Set at the start from the invitation's role and permissions (a sensitive one needs approval). Transient: the
     * gateway that reads it runs in the starting transaction, so it is never written (two rows fewer per invitation).
     */
    public static final ProcessVariable<Boolean> NEEDS_APPROVAL = ProcessVariable.of("needsApproval", Boolean.class);
    /** What the approver decides on (role, permissions, clients, inviter; no personal data), in each language. */
    public static final ProcessVariable<SpinJsonNode> APPROVAL_SUMMARY = ApprovalProcess.SUMMARY;
    /** The user's row on the Users screen, for the tasks' forms and Cockpit. */
    public static final ProcessVariable<String> USER_LINK = ApprovalProcess.USER_LINK;
    /** The four-eyes approval's answer (bpmn/four-eyes-approval.bpmn, called by this process). */
    public static final ProcessVariable<Boolean> APPROVED = ApprovalProcess.APPROVED;
    /**
     * When the next reminder goes out; null when no further reminder is due. Set only by versions of the model
     * before the reminders' event-based gateway, for their instances that still run.
     */
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
        return List.of(NEEDS_APPROVAL, APPROVAL_SUMMARY, USER_LINK, APPROVED, NEXT_REMINDER_AT,
                FOLLOW_UP_ASSIGNEE, FOLLOW_UP_DUE, FOLLOW_UP_DECISION);
    }

    /** What an invitation's instance starts with: ids, the approval question and the answer to it, no names. */
    static Map<String, Object> startVariables(Invitation invitation, SpinJsonNode approvalSummary) {
        boolean needsApproval = invitation.getStatus() == InvitationStatus.AWAITING_APPROVAL;
        Map<String, Object> variables = new HashMap<>();
        variables.put(NEEDS_APPROVAL.name(), Variables.booleanValue(needsApproval, true));
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

    /** The business key of an invitation's instance; an approval it calls carries the same. */
    public static String businessKey(long invitationId) {
        return BUSINESS_KEY.of(invitationId);
    }

    /**
     * The ids of the elements of bpmn/user-invitation.bpmn, named once for the code and the model tests
     * (ModelNamesTest: exactly the model's flow elements).
     */
    public static final class Elements {

        private Elements() {
        }

        /** start event "Invitation created". */
        public static final String INVITATION_CREATED = "Event_InvitationCreated";
        /** exclusive gateway "Sensitive role or permission?". */
        public static final String NEEDS_APPROVAL = "Gateway_NeedsApproval";
        /** call activity "Four-eyes approval". */
        public static final String FOUR_EYES_APPROVAL = "Activity_FourEyesApproval";
        /** boundary event "Cancel requested". */
        public static final String CANCEL_DURING_APPROVAL = "Event_CancelDuringApproval";
        /** exclusive gateway "Approved?". */
        public static final String APPROVED = "Gateway_Approved";
        /** end event "Invitation rejected". */
        public static final String INVITATION_REJECTED = "Event_InvitationRejected";
        /** exclusive gateway "New link period". */
        public static final String NEW_LINK_PERIOD = "Gateway_NewLinkPeriod";
        /** sub process "Invitation open". */
        public static final String INVITATION_OPEN = "Activity_InvitationOpen";
        /** start event "Link period started". */
        public static final String LINK_PERIOD_STARTED = "Event_LinkPeriodStarted";
        /** service task "Send invitation mail". */
        public static final String SEND_INVITATION_MAIL = "Activity_SendInvitationMail";
        /** receive task "Complete registration". */
        public static final String COMPLETE_REGISTRATION = "Activity_CompleteRegistration";
        /** end event "Registration completed". */
        public static final String REGISTRATION_COMPLETED = "Event_RegistrationCompleted";
        /** boundary event "Reminder due". */
        public static final String FIRST_REMINDER_DUE = "Event_FirstReminderDue";
        /** exclusive gateway "Next reminder". */
        public static final String NEXT_REMINDER = "Gateway_NextReminder";
        /** service task "Send reminder". */
        public static final String SEND_REMINDER = "Activity_SendReminder";
        /** exclusive gateway "Another reminder?". */
        public static final String ANOTHER_REMINDER = "Gateway_AnotherReminder";
        /** intermediate catch event "Next reminder due". */
        public static final String NEXT_REMINDER_DUE = "Event_NextReminderDue";
        /** end event "No more reminders". */
        public static final String NO_MORE_REMINDERS = "Event_NoMoreReminders";
        /** boundary event "Resend requested". */
        public static final String RESEND_REQUESTED = "Event_ResendRequested";
        /** boundary event "Cancel requested". */
        public static final String CANCEL_REQUESTED = "Event_CancelRequested";
        /** boundary event "Link expired". */
        public static final String LINK_EXPIRED = "Event_LinkExpired";
        /** exclusive gateway "Resend". */
        public static final String RESEND = "Gateway_MergeResend";
        /** service task "Issue new link". */
        public static final String ISSUE_NEW_LINK = "Activity_IssueNewLink";
        /** exclusive gateway "Cancel". */
        public static final String CANCEL = "Gateway_MergeCancel";
        /** service task "Cancel invitation". */
        public static final String CANCEL_INVITATION = "Activity_CancelInvitation";
        /** end event "Invitation cancelled". */
        public static final String INVITATION_CANCELLED = "Event_InvitationCancelled";
        /** service task "Mark invitation expired". */
        public static final String MARK_INVITATION_EXPIRED = "Activity_MarkInvitationExpired";
        /** sub process "Invitation expired". */
        public static final String INVITATION_EXPIRED = "Activity_InvitationExpired";
        /** start event "Link expired". */
        public static final String FOLLOW_UP_STARTED = "Event_FollowUpStarted";
        /** service task "Find who follows up". */
        public static final String FIND_FOLLOW_UP = "Activity_FindFollowUp";
        /** user task "Invitation expired: resend or cancel?". */
        public static final String FOLLOW_UP_EXPIRED_INVITATION = "Activity_FollowUpExpiredInvitation";
        /** service task "Check the decision". */
        public static final String RECORD_FOLLOW_UP_DECISION = "Activity_RecordFollowUpDecision";
        /** end event "Decided". */
        public static final String FOLLOW_UP_DECIDED = "Event_FollowUpDecided";
        /** boundary event "Resend requested". */
        public static final String RESEND_REQUESTED_AFTER_EXPIRY = "Event_ResendRequestedAfterExpiry";
        /** boundary event "Cancel requested". */
        public static final String CANCEL_REQUESTED_AFTER_EXPIRY = "Event_CancelRequestedAfterExpiry";
        /** boundary event "Nobody followed up". */
        public static final String GRACE_PERIOD_OVER = "Event_GracePeriodOver";
        /** service task "Close lapsed invitation". */
        public static final String CLOSE_LAPSED_INVITATION = "Activity_CloseLapsedInvitation";
        /** end event "Invitation lapsed". */
        public static final String INVITATION_LAPSED = "Event_InvitationLapsed";
        /** exclusive gateway "Resend or cancel?". */
        public static final String FOLLOW_UP_DECISION = "Gateway_FollowUpDecision";
        /** service task "Activate user". */
        public static final String ACTIVATE_USER = "Activity_ActivateUser";
        /** service task "Send confirmation mail". */
        public static final String SEND_CONFIRMATION_MAIL = "Activity_SendConfirmationMail";
        /** end event "User registered". */
        public static final String USER_REGISTERED = "Event_UserRegistered";
    }
}
