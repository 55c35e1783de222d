package com.onboarding.model;

import static com.onboarding.invitation.InvitationProcess.Elements.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.ArrayDeque;
import java.util.Date;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.onboarding.approval.ApprovalProcess;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.mail.MailRetries;
import com.onboarding.scopes.AdminScope;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Every path of {@code bpmn/user-invitation.bpmn} on a plain in-memory engine with mocked steps: what the diagram
 * says happens, happens, and nothing else. Seconds, no Spring; the end-to-end tests check the steps themselves.
 */
@Deployment(resources = {"bpmn/user-invitation.bpmn", "bpmn/four-eyes-approval.bpmn", "forms/approve-request.form",
        "forms/follow-up-expired-invitation.form"})
class UserInvitationModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    /** What the timers read (InvitationSettings in the application). */
    public interface Settings {
        String getFollowUpGracePeriodIso();
    }

    /** The reminders' schedule (invitation.process.Reminders in the application: the setting and the record). */
    public interface ReminderSchedule {
        boolean anyLeft(DelegateExecution execution);

        Date dueAt(DelegateExecution execution);
    }

    /** When the link period ends (invitation.process.LinkExpiry in the application: the invitation's record). */
    public interface Expiry {
        Date of(DelegateExecution execution);
    }

    final JavaDelegate sendInvitationMail = mock(JavaDelegate.class);
    final JavaDelegate issueNewLink = mock(JavaDelegate.class);
    final JavaDelegate cancelInvitation = mock(JavaDelegate.class);
    final JavaDelegate markInvitationExpired = mock(JavaDelegate.class);
    final JavaDelegate activateUser = mock(JavaDelegate.class);
    final JavaDelegate sendConfirmationMail = mock(JavaDelegate.class);
    final MockedApprovalSteps approvalSteps = new MockedApprovalSteps();
    final JavaDelegate sendReminder = mock(JavaDelegate.class);
    final JavaDelegate findFollowUp = mock(JavaDelegate.class);
    final JavaDelegate recordFollowUpDecision = mock(JavaDelegate.class);
    final JavaDelegate closeLapsedInvitation = mock(JavaDelegate.class);

    /** The link period's end in this test. */
    final Date linkEnd = Date.from(Instant.now().plus(Duration.ofDays(21)));
    /** The reminders ahead, the next first; none: the first reminder's timer waits for the link's end. */
    final Deque<Date> plannedReminders = new ArrayDeque<>();
    /** Who "Find who follows up" names (null: the global admins). */
    String followUpAssignee = "demo";

    @BeforeEach
    void mockSteps() throws Exception {
        approvalSteps.register(engine.getProcessEngine());
        Map<String, JavaDelegate> steps = Map.ofEntries(Map.entry("sendInvitationMail", sendInvitationMail),
                Map.entry("issueNewLink", issueNewLink), Map.entry("cancelInvitation", cancelInvitation),
                Map.entry("markInvitationExpired", markInvitationExpired), Map.entry("activateUser", activateUser),
                Map.entry("sendConfirmationMail", sendConfirmationMail),
                Map.entry("sendReminder", sendReminder), Map.entry("findFollowUp", findFollowUp),
                Map.entry("recordFollowUpDecision", recordFollowUpDecision),
                Map.entry("closeLapsedInvitation", closeLapsedInvitation));
        steps.forEach(Mocks::register);
        ReminderSchedule reminders = mock(ReminderSchedule.class);
        when(reminders.anyLeft(any())).thenAnswer(call -> !plannedReminders.isEmpty());
        when(reminders.dueAt(any())).thenAnswer(call -> plannedReminders.isEmpty() ? linkEnd : plannedReminders.poll());
        Mocks.register("reminders", reminders);
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0, DelegateExecution.class);
            execution.setVariable(InvitationProcess.FOLLOW_UP_ASSIGNEE.name(), followUpAssignee);
            execution.setVariable(InvitationProcess.FOLLOW_UP_DUE.name(), Date.from(Instant.now().plus(Duration.ofDays(14))));
            return null;
        }).when(findFollowUp).execute(any());
        Settings settings = mock(Settings.class);
        when(settings.getFollowUpGracePeriodIso()).thenReturn("P14D");
        Mocks.register("invitationSettings", settings);
        Expiry expiry = mock(Expiry.class);
        when(expiry.of(any())).thenReturn(linkEnd);
        Mocks.register("linkExpiry", expiry);
        Mocks.register("mailRetries", new MailRetries());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    ProcessInstance start(boolean needsApproval) {
        Map<String, Object> variables = new HashMap<>();
        variables.put(InvitationProcess.NEEDS_APPROVAL.name(), needsApproval);
        variables.put(InvitationProcess.USER_LINK.name(), "/users/1");
        variables.put(InvitationProcess.APPROVAL_SUMMARY.name(), needsApproval ? "Role: Administrator" : null);
        return runtimeService().startProcessInstanceByKey(InvitationProcess.KEY, InvitationProcess.businessKey(1), variables);
    }

    ProcessInstance start() {
        ProcessInstance instance = start(false);
        assertThat(instance).isWaitingAt(SEND_INVITATION_MAIL);
        return instance;
    }

    Job mailJob(ProcessInstance instance, String activity) {
        return job(activity, instance);
    }

    ProcessInstance mailed() {
        ProcessInstance instance = start();
        execute(mailJob(instance, SEND_INVITATION_MAIL));
        assertThat(instance).isWaitingAt(COMPLETE_REGISTRATION);
        return instance;
    }

    void send(String message, ProcessInstance instance) {
        runtimeService().createMessageCorrelation(message).processInstanceId(instance.getId()).correlate();
    }

    Job timer(ProcessInstance instance, String activity) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).timers().activityId(activity)
                .singleResult();
    }

    long timers(ProcessInstance instance, String activity) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).timers().activityId(activity)
                .count();
    }

    ProcessInstance expired() {
        ProcessInstance instance = mailed();
        execute(timer(instance, LINK_EXPIRED));
        assertThat(instance).hasPassed(LINK_EXPIRED, MARK_INVITATION_EXPIRED, FIND_FOLLOW_UP)
                .isWaitingAt(FOLLOW_UP_EXPIRED_INVITATION);
        return instance;
    }

    @Test
    void registration_activatesThenConfirms() throws Exception {
        ProcessInstance instance = mailed();
        send(InvitationProcess.MESSAGE_REGISTRATION_COMPLETED, instance);
        assertThat(instance).hasPassed(COMPLETE_REGISTRATION, REGISTRATION_COMPLETED, ACTIVATE_USER)
                .isWaitingAt(SEND_CONFIRMATION_MAIL);
        execute(mailJob(instance, SEND_CONFIRMATION_MAIL));
        assertThat(instance).isEnded().hasPassed(USER_REGISTERED);
        verify(sendInvitationMail).execute(any());
        verify(activateUser).execute(any());
        verify(sendConfirmationMail).execute(any());
        verify(issueNewLink, never()).execute(any());
        verify(cancelInvitation, never()).execute(any());
        verify(markInvitationExpired, never()).execute(any());
        verify(approvalSteps.recordApprovalDecision, never()).execute(any());
    }

    @Test
    void theLinkExpiresAfterTheConfiguredValidity() {
        ProcessInstance instance = mailed();
        assertThat(timer(instance, LINK_EXPIRED).getDuedate())
                .isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(21))), 60_000);
    }

    @Test
    void reminder_waitsUntilThePlannedTimeThenSendsAndPlansTheNext() throws Exception {
        Date remindAt = Date.from(Instant.now().plus(Duration.ofDays(14)));
        Date remindAgainAt = Date.from(Instant.now().plus(Duration.ofDays(18)));
        plannedReminders.addAll(List.of(remindAt, remindAgainAt));
        ProcessInstance instance = mailed();
        assertThat(instance).isWaitingAt(COMPLETE_REGISTRATION);
        assertThat(timer(instance, FIRST_REMINDER_DUE).getDuedate()).isEqualTo(remindAt);

        execute(timer(instance, FIRST_REMINDER_DUE));
        execute(mailJob(instance, SEND_REMINDER));
        assertThat(instance).isWaitingAt(COMPLETE_REGISTRATION, NEXT_REMINDER_DUE);
        assertThat(timer(instance, NEXT_REMINDER_DUE).getDuedate()).isEqualTo(remindAgainAt);

        execute(timer(instance, NEXT_REMINDER_DUE));
        execute(mailJob(instance, SEND_REMINDER));
        verify(sendReminder, times(2)).execute(any());
        assertThat(instance).hasPassed(SEND_REMINDER, NO_MORE_REMINDERS).isWaitingAt(COMPLETE_REGISTRATION);
        assertThat(timers(instance, FIRST_REMINDER_DUE) + timers(instance, NEXT_REMINDER_DUE)).isZero();
    }

    @Test
    void registrationWhileAReminderIsOnItsWay_endsTheReminder() throws Exception {
        plannedReminders.add(Date.from(Instant.now().plus(Duration.ofDays(18))));
        ProcessInstance instance = mailed();
        execute(timer(instance, FIRST_REMINDER_DUE));
        assertThat(instance).isWaitingAt(COMPLETE_REGISTRATION, SEND_REMINDER);
        send(InvitationProcess.MESSAGE_REGISTRATION_COMPLETED, instance);
        assertThat(instance).isWaitingAt(SEND_CONFIRMATION_MAIL);
        assertThat(job(SEND_REMINDER, instance)).isNull();
        verify(sendReminder, never()).execute(any());
    }

    @Test
    void noReminderPlanned_theFirstReminderWaitsForTheLinksEnd() throws Exception {
        ProcessInstance instance = mailed();
        assertThat(timer(instance, FIRST_REMINDER_DUE).getDuedate()).isEqualTo(linkEnd);
        assertThat(timer(instance, LINK_EXPIRED).getDuedate()).isEqualTo(linkEnd);
        verify(sendReminder, never()).execute(any());
    }

    @Test
    void registrationBeforeTheReminder_noReminderGoesOut() throws Exception {
        plannedReminders.add(Date.from(Instant.now().plus(Duration.ofDays(18))));
        ProcessInstance instance = mailed();
        send(InvitationProcess.MESSAGE_REGISTRATION_COMPLETED, instance);
        assertThat(timers(instance, FIRST_REMINDER_DUE)).isZero();
        assertThat(instance).isWaitingAt(SEND_CONFIRMATION_MAIL);
        verify(sendReminder, never()).execute(any());
    }

    @Test
    void resendStopsThePendingReminderAndPlansAfresh() throws Exception {
        plannedReminders.add(Date.from(Instant.now().plus(Duration.ofDays(18))));
        ProcessInstance instance = mailed();
        send(InvitationProcess.MESSAGE_RESEND, instance);
        assertThat(timers(instance, FIRST_REMINDER_DUE)).as("the old reminder is gone").isZero();
        Date later = Date.from(Instant.now().plus(Duration.ofDays(30)));
        plannedReminders.add(later);
        execute(mailJob(instance, SEND_INVITATION_MAIL));
        assertThat(timer(instance, FIRST_REMINDER_DUE).getDuedate()).isEqualTo(later);
    }

    @Test
    void cancelStopsThePendingReminder() throws Exception {
        plannedReminders.add(Date.from(Instant.now().plus(Duration.ofDays(18))));
        ProcessInstance instance = mailed();
        send(InvitationProcess.MESSAGE_CANCEL, instance);
        assertThat(instance).isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void resendWhileWaiting_startsANewLinkPeriod() throws Exception {
        ProcessInstance instance = mailed();
        send(InvitationProcess.MESSAGE_RESEND, instance);
        assertThat(instance).hasPassed(RESEND_REQUESTED, RESEND, ISSUE_NEW_LINK, NEW_LINK_PERIOD)
                .isWaitingAt(SEND_INVITATION_MAIL);
        execute(mailJob(instance, SEND_INVITATION_MAIL));
        assertThat(instance).isWaitingAt(COMPLETE_REGISTRATION);
        verify(sendInvitationMail, times(2)).execute(any());
        assertThat(timers(instance, LINK_EXPIRED)).isOne();
    }

    @Test
    void resendWhileTheMailIsQueued_replacesTheQueuedMail() throws Exception {
        ProcessInstance instance = start();
        send(InvitationProcess.MESSAGE_RESEND, instance);
        assertThat(instance).isWaitingAt(SEND_INVITATION_MAIL);
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId())
                .activityId(SEND_INVITATION_MAIL).count()).as("one mail job").isOne();
        verify(sendInvitationMail, never()).execute(any());
        verify(issueNewLink).execute(any());
    }

    @Test
    void cancelWhileWaiting_ends() throws Exception {
        ProcessInstance instance = mailed();
        send(InvitationProcess.MESSAGE_CANCEL, instance);
        assertThat(instance).hasPassed(CANCEL_REQUESTED, CANCEL, CANCEL_INVITATION, INVITATION_CANCELLED).isEnded();
        verify(cancelInvitation).execute(any());
    }

    @Test
    void cancelWhileTheMailIsQueued_sendsNoMail() throws Exception {
        ProcessInstance instance = start();
        send(InvitationProcess.MESSAGE_CANCEL, instance);
        assertThat(instance).isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        verify(sendInvitationMail, never()).execute(any());
    }

    @Test
    void expiry_givesTheInviterAFollowUpTaskDueAtTheEndOfTheGracePeriod() throws Exception {
        plannedReminders.add(Date.from(Instant.now().plus(Duration.ofDays(18))));
        ProcessInstance instance = expired();
        verify(markInvitationExpired).execute(any());
        Task task = task(FOLLOW_UP_EXPIRED_INVITATION, instance);
        assertThat(task).isAssignedTo("demo");
        assertThat(taskService().getIdentityLinksForTask(task.getId()))
                .anyMatch(link -> AdminScope.GLOBAL_GROUP.equals(link.getGroupId()));
        assertThat(task.getName()).isEqualTo("Invitation expired: resend or cancel?");
        assertThat(task.getDueDate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(14))), 60_000);
        assertThat(timer(instance, GRACE_PERIOD_OVER).getDuedate())
                .isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(14))), 60_000);
        assertThat(timers(instance, FIRST_REMINDER_DUE)).as("no reminder for an expired link").isZero();
        assertThatThrownBy(() -> send(InvitationProcess.MESSAGE_REGISTRATION_COMPLETED, instance))
                .as("an expired link completes nothing").isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    @Test
    void expiryWithTheInviterGone_theGlobalAdminsFollowUp() {
        followUpAssignee = null;
        ProcessInstance instance = expired();
        assertThat(task(FOLLOW_UP_EXPIRED_INVITATION, instance)).isNotAssigned().hasCandidateGroup(AdminScope.GLOBAL_GROUP);
    }

    @Test
    void followUpResend_startsANewLinkPeriod() throws Exception {
        ProcessInstance instance = expired();
        complete(task(FOLLOW_UP_EXPIRED_INVITATION, instance), Map.of(InvitationProcess.FOLLOW_UP_DECISION.name(), InvitationProcess.RESEND));
        assertThat(instance).hasPassed(RECORD_FOLLOW_UP_DECISION, FOLLOW_UP_DECISION, RESEND, ISSUE_NEW_LINK)
                .isWaitingAt(SEND_INVITATION_MAIL);
        assertThat(timers(instance, GRACE_PERIOD_OVER)).isZero();
        verify(recordFollowUpDecision).execute(any());
    }

    @Test
    void followUpCancel_ends() throws Exception {
        ProcessInstance instance = expired();
        complete(task(FOLLOW_UP_EXPIRED_INVITATION, instance), Map.of(InvitationProcess.FOLLOW_UP_DECISION.name(), InvitationProcess.CANCEL));
        assertThat(instance).hasPassed(FOLLOW_UP_DECISION, CANCEL, CANCEL_INVITATION, INVITATION_CANCELLED)
                .isEnded();
    }

    @Test
    void gracePeriodOver_theInvitationLapsesAndTheInstanceEnds() throws Exception {
        ProcessInstance instance = expired();
        execute(timer(instance, GRACE_PERIOD_OVER));
        assertThat(instance).hasPassed(GRACE_PERIOD_OVER, CLOSE_LAPSED_INVITATION, INVITATION_LAPSED).isEnded();
        assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        verify(closeLapsedInvitation).execute(any());
        verify(cancelInvitation, never()).execute(any());
    }

    @Test
    void resendFromTheUsersScreenAfterExpiry_closesTheFollowUpTask() throws Exception {
        ProcessInstance instance = expired();
        send(InvitationProcess.MESSAGE_RESEND, instance);
        assertThat(instance).hasPassed(RESEND_REQUESTED_AFTER_EXPIRY, RESEND, ISSUE_NEW_LINK)
                .isWaitingAt(SEND_INVITATION_MAIL);
        assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        verify(issueNewLink).execute(any());
    }

    @Test
    void cancelFromTheUsersScreenAfterExpiry_ends() throws Exception {
        ProcessInstance instance = expired();
        send(InvitationProcess.MESSAGE_CANCEL, instance);
        assertThat(instance).hasPassed(CANCEL_REQUESTED_AFTER_EXPIRY, CANCEL, CANCEL_INVITATION).isEnded();
    }

    @Test
    void sensitiveInvitation_waitsForApprovalWithoutAnyMail() {
        ProcessInstance instance = start(true);
        assertThat(instance).isWaitingAt(FOUR_EYES_APPROVAL);
        ProcessInstance approval = MockedApprovalSteps.approvalOf(instance);
        assertThat(approval).isWaitingAt(ApprovalProcess.TASK_APPROVE).hasBusinessKey(InvitationProcess.businessKey(1))
                .variables().containsEntry(InvitationProcess.APPROVAL_SUMMARY.name(), "Role: Administrator").containsEntry(InvitationProcess.USER_LINK.name(), "/users/1");
        assertThat(task(ApprovalProcess.TASK_APPROVE, approval)).isNotAssigned().hasCandidateGroup(AdminScope.GLOBAL_GROUP);
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThatThrownBy(() -> send(InvitationProcess.MESSAGE_RESEND, instance))
                .as("nothing to resend before approval").isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    @Test
    void approval_startsTheLinkPeriod() throws Exception {
        ProcessInstance instance = start(true);
        ProcessInstance approval = MockedApprovalSteps.approvalOf(instance);
        complete(task(ApprovalProcess.TASK_APPROVE, approval), Map.of(ApprovalProcess.DECISION.name(), ApprovalProcess.APPROVE));
        assertThat(approval).hasPassed(ApprovalProcess.Elements.RECORD_APPROVAL_DECISION, ApprovalProcess.Elements.APPROVED,
                ApprovalProcess.Elements.REQUEST_APPROVED).isEnded();
        assertThat(instance).hasPassed(FOUR_EYES_APPROVAL, APPROVED, NEW_LINK_PERIOD).isWaitingAt(SEND_INVITATION_MAIL);
        execute(mailJob(instance, SEND_INVITATION_MAIL));
        assertThat(instance).isWaitingAt(COMPLETE_REGISTRATION);
    }

    @Test
    void rejection_tellsTheInviterAndEnds() throws Exception {
        ProcessInstance instance = start(true);
        ProcessInstance approval = MockedApprovalSteps.approvalOf(instance);
        complete(task(ApprovalProcess.TASK_APPROVE, approval), Map.of(ApprovalProcess.DECISION.name(), ApprovalProcess.REJECT, ApprovalProcess.REJECTION_REASON.name(), "No"));
        assertThat(approval).hasPassed(ApprovalProcess.Elements.RECORD_APPROVAL_DECISION, ApprovalProcess.Elements.APPROVED)
                .isWaitingAt(ApprovalProcess.Elements.MAIL_APPROVAL_REJECTION);
        assertThat(instance).isWaitingAt(FOUR_EYES_APPROVAL);
        execute(mailJob(approval, ApprovalProcess.Elements.MAIL_APPROVAL_REJECTION));
        assertThat(instance).hasPassed(APPROVED, INVITATION_REJECTED).isEnded();
        verify(sendInvitationMail, never()).execute(any());
        approvalSteps.verifyRejectionMailed();
    }

    @Test
    void deletingTheApprovalInCockpit_deletesTheInvitationsInstanceToo() throws Exception {
        ProcessInstance instance = start(true);
        ProcessInstance approval = MockedApprovalSteps.approvalOf(instance);
        runtimeService().deleteProcessInstance(approval.getId(), "deleted in Cockpit");
        assertThat(instance).isEnded();
        verify(approvalSteps.recordApprovalDecision, never()).execute(any());
    }

    @Test
    void cancelDuringApproval_ends() throws Exception {
        ProcessInstance instance = start(true);
        ProcessInstance approval = MockedApprovalSteps.approvalOf(instance);
        send(InvitationProcess.MESSAGE_CANCEL, instance);
        assertThat(instance).hasPassed(CANCEL_DURING_APPROVAL, CANCEL_INVITATION, INVITATION_CANCELLED).isEnded();
        assertThat(approval).as("the approval ends with it").isEnded();
        verify(approvalSteps.recordApprovalDecision, never()).execute(any());
    }

    @Test
    void aFailingInvitationMailIsRetriedWithBackOff_thenAnIncident() throws Exception {
        doThrow(new IllegalStateException("SMTP down")).when(sendInvitationMail).execute(any());
        ProcessInstance instance = start();
        assertFailsFiveTimes(instance, SEND_INVITATION_MAIL);
    }

    @Test
    void aFailingReminderIsRetriedWithBackOff_thenAnIncident() throws Exception {
        plannedReminders.add(Date.from(Instant.now().plus(Duration.ofDays(18))));
        ProcessInstance instance = mailed();
        doThrow(new IllegalStateException("SMTP down")).when(sendReminder).execute(any());
        execute(timer(instance, FIRST_REMINDER_DUE));
        assertFailsFiveTimes(instance, SEND_REMINDER);
        assertThat(instance).isWaitingAt(COMPLETE_REGISTRATION);
    }

    @Test
    void aFailingConfirmationMailIsRetriedWithBackOff_thenAnIncident() throws Exception {
        ProcessInstance instance = mailed();
        doThrow(new IllegalStateException("SMTP down")).when(sendConfirmationMail).execute(any());
        send(InvitationProcess.MESSAGE_REGISTRATION_COMPLETED, instance);
        assertFailsFiveTimes(instance, SEND_CONFIRMATION_MAIL);
    }

    /**
     * The mail steps back off (MailRetries' default: 1 min, 5 min, 15 min, 1 h, 2 h between attempts) and raise
     * an incident only when the last retry failed.
     */
    private void assertFailsFiveTimes(ProcessInstance instance, String activity) {
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 6; attempt++) {
            Job job = managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activity)
                    .singleResult();
            assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count())
                    .as("incidents before attempt " + attempt).isZero();
            Instant before = Instant.now();
            assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("SMTP down");
            Job after = managementService().createJobQuery().jobId(job.getId()).singleResult();
            if (after.getRetries() > 0) {
                waits.add(Duration.between(before, after.getDuedate().toInstant()).plusSeconds(1).truncatedTo(ChronoUnit.MINUTES));
            }
        }
        assertThat(waits).containsExactlyElementsOf(new MailRetries().getRetryIntervals());
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult()
                .getActivityId()).isEqualTo(activity);
        assertThat(instance).isWaitingAt(activity);
    }
}
