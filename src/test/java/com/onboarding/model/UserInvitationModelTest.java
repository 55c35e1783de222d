package com.onboarding.model;

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
import com.onboarding.mail.MailRetries;
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
        String getLinkValidityIso();

        String getFollowUpGracePeriodIso();
    }

    final JavaDelegate sendInvitationMail = mock(JavaDelegate.class);
    final JavaDelegate issueNewLink = mock(JavaDelegate.class);
    final JavaDelegate cancelInvitation = mock(JavaDelegate.class);
    final JavaDelegate markInvitationExpired = mock(JavaDelegate.class);
    final JavaDelegate activateUser = mock(JavaDelegate.class);
    final JavaDelegate sendConfirmationMail = mock(JavaDelegate.class);
    final MockedApprovalSteps approvalSteps = new MockedApprovalSteps();
    final JavaDelegate planReminder = mock(JavaDelegate.class);
    final JavaDelegate sendReminder = mock(JavaDelegate.class);
    final JavaDelegate findFollowUp = mock(JavaDelegate.class);
    final JavaDelegate recordFollowUpDecision = mock(JavaDelegate.class);
    final JavaDelegate closeLapsedInvitation = mock(JavaDelegate.class);

    /** The reminder times "Plan next reminder" hands out, one per call; then none. */
    final Deque<Date> plannedReminders = new ArrayDeque<>();
    /** Who "Find who follows up" names (null: the global admins). */
    String followUpAssignee = "demo";

    @BeforeEach
    void mockSteps() throws Exception {
        approvalSteps.register(engine.getProcessEngine());
        Map<String, JavaDelegate> steps = Map.ofEntries(Map.entry("sendInvitationMail", sendInvitationMail),
                Map.entry("issueNewLink", issueNewLink), Map.entry("cancelInvitation", cancelInvitation),
                Map.entry("markInvitationExpired", markInvitationExpired), Map.entry("activateUser", activateUser),
                Map.entry("sendConfirmationMail", sendConfirmationMail),  Map.entry("planReminder", planReminder),
                Map.entry("sendReminder", sendReminder), Map.entry("findFollowUp", findFollowUp),
                Map.entry("recordFollowUpDecision", recordFollowUpDecision),
                Map.entry("closeLapsedInvitation", closeLapsedInvitation));
        steps.forEach(Mocks::register);
        doAnswer(call -> {
            call.getArgument(0, DelegateExecution.class).setVariable("nextReminderAt", plannedReminders.poll());
            return null;
        }).when(planReminder).execute(any());
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0, DelegateExecution.class);
            execution.setVariable("followUpAssignee", followUpAssignee);
            execution.setVariable("followUpDue", Date.from(Instant.now().plus(Duration.ofDays(14))));
            return null;
        }).when(findFollowUp).execute(any());
        Settings settings = mock(Settings.class);
        when(settings.getLinkValidityIso()).thenReturn("P21D");
        when(settings.getFollowUpGracePeriodIso()).thenReturn("P14D");
        Mocks.register("invitationSettings", settings);
        Mocks.register("mailRetries", new MailRetries());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    ProcessInstance start(boolean needsApproval) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("invitationId", 1L);
        variables.put("needsApproval", needsApproval);
        variables.put("userLink", "/users/1");
        variables.put("approvalSummary", needsApproval ? "Role: Administrator" : null);
        return runtimeService().startProcessInstanceByKey("user-invitation", "invitation-1", variables);
    }

    ProcessInstance start() {
        ProcessInstance instance = start(false);
        assertThat(instance).isWaitingAt("SendInvitationMail");
        return instance;
    }

    Job mailJob(ProcessInstance instance, String activity) {
        return job(activity, instance);
    }

    ProcessInstance mailed() {
        ProcessInstance instance = start();
        execute(mailJob(instance, "SendInvitationMail"));
        assertThat(instance).isWaitingAt("CompleteRegistration");
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
        execute(timer(instance, "LinkExpired"));
        assertThat(instance).hasPassed("LinkExpired", "MarkInvitationExpired", "FindFollowUp")
                .isWaitingAt("FollowUpExpiredInvitation");
        return instance;
    }

    @Test
    void registration_activatesThenConfirms() throws Exception {
        ProcessInstance instance = mailed();
        send("RegistrationCompleted", instance);
        assertThat(instance).hasPassed("CompleteRegistration", "RegistrationCompleted", "ActivateUser")
                .isWaitingAt("SendConfirmationMail");
        execute(mailJob(instance, "SendConfirmationMail"));
        assertThat(instance).isEnded().hasPassed("UserRegistered");
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
        assertThat(timer(instance, "LinkExpired").getDuedate())
                .isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(21))), 60_000);
    }

    @Test
    void reminder_waitsUntilThePlannedTimeThenSendsAndPlansTheNext() throws Exception {
        Date remindAt = Date.from(Instant.now().plus(Duration.ofDays(18)));
        plannedReminders.add(remindAt);
        ProcessInstance instance = mailed();
        assertThat(instance).isWaitingAt("CompleteRegistration", "ReminderDue");
        assertThat(timer(instance, "ReminderDue").getDuedate()).isEqualTo(remindAt);

        execute(timer(instance, "ReminderDue"));
        execute(mailJob(instance, "SendReminder"));

        verify(sendReminder).execute(any());
        verify(planReminder, times(2)).execute(any());
        assertThat(instance).hasPassed("SendReminder", "NoMoreReminders").isWaitingAt("CompleteRegistration");
        assertThat(timers(instance, "ReminderDue")).isZero();
    }

    @Test
    void noReminderPlanned_onlyTheRegistrationWaits() throws Exception {
        ProcessInstance instance = mailed();
        assertThat(instance).hasPassed("NoMoreReminders");
        assertThat(timers(instance, "ReminderDue")).isZero();
        verify(sendReminder, never()).execute(any());
    }

    @Test
    void registrationBeforeTheReminder_noReminderGoesOut() throws Exception {
        plannedReminders.add(Date.from(Instant.now().plus(Duration.ofDays(18))));
        ProcessInstance instance = mailed();
        send("RegistrationCompleted", instance);
        assertThat(timers(instance, "ReminderDue")).isZero();
        assertThat(instance).isWaitingAt("SendConfirmationMail");
        verify(sendReminder, never()).execute(any());
    }

    @Test
    void resendStopsThePendingReminderAndPlansAfresh() throws Exception {
        plannedReminders.add(Date.from(Instant.now().plus(Duration.ofDays(18))));
        ProcessInstance instance = mailed();
        send("ResendInvitation", instance);
        assertThat(timers(instance, "ReminderDue")).as("the old reminder is gone").isZero();
        Date later = Date.from(Instant.now().plus(Duration.ofDays(30)));
        plannedReminders.add(later);
        execute(mailJob(instance, "SendInvitationMail"));
        assertThat(timer(instance, "ReminderDue").getDuedate()).isEqualTo(later);
    }

    @Test
    void cancelStopsThePendingReminder() throws Exception {
        plannedReminders.add(Date.from(Instant.now().plus(Duration.ofDays(18))));
        ProcessInstance instance = mailed();
        send("CancelInvitation", instance);
        assertThat(instance).isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
    }

    @Test
    void resendWhileWaiting_startsANewLinkPeriod() throws Exception {
        ProcessInstance instance = mailed();
        send("ResendInvitation", instance);
        assertThat(instance).hasPassed("ResendRequested", "Resend", "IssueNewLink", "NewLinkPeriod")
                .isWaitingAt("SendInvitationMail");
        execute(mailJob(instance, "SendInvitationMail"));
        assertThat(instance).isWaitingAt("CompleteRegistration");
        verify(sendInvitationMail, times(2)).execute(any());
        assertThat(timers(instance, "LinkExpired")).isOne();
    }

    @Test
    void resendWhileTheMailIsQueued_replacesTheQueuedMail() throws Exception {
        ProcessInstance instance = start();
        send("ResendInvitation", instance);
        assertThat(instance).isWaitingAt("SendInvitationMail");
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId())
                .activityId("SendInvitationMail").count()).as("one mail job").isOne();
        verify(sendInvitationMail, never()).execute(any());
        verify(issueNewLink).execute(any());
    }

    @Test
    void cancelWhileWaiting_ends() throws Exception {
        ProcessInstance instance = mailed();
        send("CancelInvitation", instance);
        assertThat(instance).hasPassed("CancelRequested", "Cancel", "CancelInvitation", "InvitationCancelled").isEnded();
        verify(cancelInvitation).execute(any());
    }

    @Test
    void cancelWhileTheMailIsQueued_sendsNoMail() throws Exception {
        ProcessInstance instance = start();
        send("CancelInvitation", instance);
        assertThat(instance).isEnded();
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        verify(sendInvitationMail, never()).execute(any());
    }

    @Test
    void expiry_givesTheInviterAFollowUpTaskDueAtTheEndOfTheGracePeriod() throws Exception {
        plannedReminders.add(Date.from(Instant.now().plus(Duration.ofDays(18))));
        ProcessInstance instance = expired();
        verify(markInvitationExpired).execute(any());
        Task task = task("FollowUpExpiredInvitation", instance);
        assertThat(task).isAssignedTo("demo");
        assertThat(taskService().getIdentityLinksForTask(task.getId()))
                .anyMatch(link -> "camunda-admin".equals(link.getGroupId()));
        assertThat(task.getName()).isEqualTo("Invitation expired: resend or cancel?");
        assertThat(task.getDueDate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(14))), 60_000);
        assertThat(timer(instance, "GracePeriodOver").getDuedate())
                .isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(14))), 60_000);
        assertThat(timers(instance, "ReminderDue")).as("no reminder for an expired link").isZero();
        assertThatThrownBy(() -> send("RegistrationCompleted", instance))
                .as("an expired link completes nothing").isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    @Test
    void expiryWithTheInviterGone_theGlobalAdminsFollowUp() {
        followUpAssignee = null;
        ProcessInstance instance = expired();
        assertThat(task("FollowUpExpiredInvitation", instance)).isNotAssigned().hasCandidateGroup("camunda-admin");
    }

    @Test
    void followUpResend_startsANewLinkPeriod() throws Exception {
        ProcessInstance instance = expired();
        complete(task("FollowUpExpiredInvitation", instance), Map.of("followUpDecision", "resend"));
        assertThat(instance).hasPassed("RecordFollowUpDecision", "FollowUpDecision", "Resend", "IssueNewLink")
                .isWaitingAt("SendInvitationMail");
        assertThat(timers(instance, "GracePeriodOver")).isZero();
        verify(recordFollowUpDecision).execute(any());
    }

    @Test
    void followUpCancel_ends() throws Exception {
        ProcessInstance instance = expired();
        complete(task("FollowUpExpiredInvitation", instance), Map.of("followUpDecision", "cancel"));
        assertThat(instance).hasPassed("FollowUpDecision", "Cancel", "CancelInvitation", "InvitationCancelled")
                .isEnded();
    }

    @Test
    void gracePeriodOver_theInvitationLapsesAndTheInstanceEnds() throws Exception {
        ProcessInstance instance = expired();
        execute(timer(instance, "GracePeriodOver"));
        assertThat(instance).hasPassed("GracePeriodOver", "CloseLapsedInvitation", "InvitationLapsed").isEnded();
        assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        verify(closeLapsedInvitation).execute(any());
        verify(cancelInvitation, never()).execute(any());
    }

    @Test
    void resendFromTheUsersScreenAfterExpiry_closesTheFollowUpTask() throws Exception {
        ProcessInstance instance = expired();
        send("ResendInvitation", instance);
        assertThat(instance).hasPassed("ResendRequestedAfterExpiry", "Resend", "IssueNewLink")
                .isWaitingAt("SendInvitationMail");
        assertThat(taskService().createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        verify(issueNewLink).execute(any());
    }

    @Test
    void cancelFromTheUsersScreenAfterExpiry_ends() throws Exception {
        ProcessInstance instance = expired();
        send("CancelInvitation", instance);
        assertThat(instance).hasPassed("CancelRequestedAfterExpiry", "Cancel", "CancelInvitation").isEnded();
    }

    @Test
    void sensitiveInvitation_waitsForApprovalWithoutAnyMail() {
        ProcessInstance instance = start(true);
        assertThat(instance).isWaitingAt("FourEyesApproval");
        ProcessInstance approval = MockedApprovalSteps.approvalOf(instance);
        assertThat(approval).isWaitingAt("ApproveRequest").hasBusinessKey("invitation-1")
                .variables().containsEntry("approvalSummary", "Role: Administrator").containsEntry("userLink", "/users/1")
                .doesNotContainKey("invitationId");
        assertThat(task("ApproveRequest", approval)).isNotAssigned().hasCandidateGroup("camunda-admin");
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThatThrownBy(() -> send("ResendInvitation", instance))
                .as("nothing to resend before approval").isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    @Test
    void approval_startsTheLinkPeriod() throws Exception {
        ProcessInstance instance = start(true);
        ProcessInstance approval = MockedApprovalSteps.approvalOf(instance);
        complete(task("ApproveRequest", approval), Map.of("approvalDecision", "approve"));
        assertThat(approval).hasPassed("RecordApprovalDecision", "Approved", "RequestApproved").isEnded();
        assertThat(instance).hasPassed("FourEyesApproval", "Approved", "NewLinkPeriod").isWaitingAt("SendInvitationMail");
        execute(mailJob(instance, "SendInvitationMail"));
        assertThat(instance).isWaitingAt("CompleteRegistration");
    }

    @Test
    void rejection_tellsTheInviterAndEnds() throws Exception {
        ProcessInstance instance = start(true);
        ProcessInstance approval = MockedApprovalSteps.approvalOf(instance);
        complete(task("ApproveRequest", approval), Map.of("approvalDecision", "reject", "rejectionReason", "No"));
        assertThat(approval).hasPassed("RecordApprovalDecision", "Approved").isWaitingAt("MailApprovalRejection");
        assertThat(instance).isWaitingAt("FourEyesApproval");
        execute(mailJob(approval, "MailApprovalRejection"));
        assertThat(instance).hasPassed("Approved", "InvitationRejected").isEnded();
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
        send("CancelInvitation", instance);
        assertThat(instance).hasPassed("CancelDuringApproval", "CancelInvitation", "InvitationCancelled").isEnded();
        assertThat(approval).as("the approval ends with it").isEnded();
        verify(approvalSteps.recordApprovalDecision, never()).execute(any());
    }

    @Test
    void aFailingInvitationMailIsRetriedWithBackOff_thenAnIncident() throws Exception {
        doThrow(new IllegalStateException("SMTP down")).when(sendInvitationMail).execute(any());
        ProcessInstance instance = start();
        assertFailsFiveTimes(instance, "SendInvitationMail");
    }

    @Test
    void aFailingReminderIsRetriedWithBackOff_thenAnIncident() throws Exception {
        plannedReminders.add(Date.from(Instant.now().plus(Duration.ofDays(18))));
        ProcessInstance instance = mailed();
        doThrow(new IllegalStateException("SMTP down")).when(sendReminder).execute(any());
        execute(timer(instance, "ReminderDue"));
        assertFailsFiveTimes(instance, "SendReminder");
        assertThat(instance).isWaitingAt("CompleteRegistration");
    }

    @Test
    void aFailingConfirmationMailIsRetriedWithBackOff_thenAnIncident() throws Exception {
        ProcessInstance instance = mailed();
        doThrow(new IllegalStateException("SMTP down")).when(sendConfirmationMail).execute(any());
        send("RegistrationCompleted", instance);
        assertFailsFiveTimes(instance, "SendConfirmationMail");
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
