package com.onboarding.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
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
@Deployment(resources = "bpmn/user-invitation.bpmn")
class UserInvitationModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    /** What the timer reads (InvitationSettings in the application). */
    public interface Settings {
        String getLinkValidityIso();
    }

    final JavaDelegate sendInvitationMail = mock(JavaDelegate.class);
    final JavaDelegate issueNewLink = mock(JavaDelegate.class);
    final JavaDelegate cancelInvitation = mock(JavaDelegate.class);
    final JavaDelegate markInvitationExpired = mock(JavaDelegate.class);
    final JavaDelegate activateUser = mock(JavaDelegate.class);
    final JavaDelegate sendConfirmationMail = mock(JavaDelegate.class);

    @BeforeEach
    void mockSteps() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("sendInvitationMail", sendInvitationMail);
        Mocks.register("issueNewLink", issueNewLink);
        Mocks.register("cancelInvitation", cancelInvitation);
        Mocks.register("markInvitationExpired", markInvitationExpired);
        Mocks.register("activateUser", activateUser);
        Mocks.register("sendConfirmationMail", sendConfirmationMail);
        Settings settings = mock(Settings.class);
        when(settings.getLinkValidityIso()).thenReturn("P21D");
        Mocks.register("invitationSettings", settings);
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("user-invitation", "invitation-1",
                Map.of("invitationId", 1L));
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

    Job timer(ProcessInstance instance) {
        return managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult();
    }

    ProcessInstance expired() {
        ProcessInstance instance = mailed();
        execute(timer(instance));
        assertThat(instance).hasPassed("LinkExpired", "MarkInvitationExpired").isWaitingAt("AwaitResendOrCancel");
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
    }

    @Test
    void theLinkExpiresAfterTheConfiguredValidity() {
        ProcessInstance instance = mailed();
        assertThat(timer(instance).getDuedate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(21))), 60_000);
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
        assertThat(managementService().createJobQuery().processInstanceId(instance.getId()).timers().count()).isOne();
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
    void expiry_waitsForResendOrCancel() throws Exception {
        ProcessInstance instance = expired();
        verify(markInvitationExpired).execute(any());
        assertThatThrownBy(() -> send("RegistrationCompleted", instance))
                .as("an expired link completes nothing").isInstanceOf(MismatchingMessageCorrelationException.class);
    }

    @Test
    void resendAfterExpiry_startsANewLinkPeriod() throws Exception {
        ProcessInstance instance = expired();
        send("ResendInvitation", instance);
        assertThat(instance).hasPassed("ResendRequestedAfterExpiry", "Resend", "IssueNewLink")
                .isWaitingAt("SendInvitationMail");
        verify(issueNewLink).execute(any());
    }

    @Test
    void cancelAfterExpiry_ends() throws Exception {
        ProcessInstance instance = expired();
        send("CancelInvitation", instance);
        assertThat(instance).hasPassed("CancelRequestedAfterExpiry", "Cancel", "CancelInvitation").isEnded();
    }

    @Test
    void aFailingInvitationMailIsRetriedFiveTimes_thenAnIncident() throws Exception {
        doThrow(new IllegalStateException("SMTP down")).when(sendInvitationMail).execute(any());
        ProcessInstance instance = start();
        assertFailsFiveTimes(instance, "SendInvitationMail");
    }

    @Test
    void aFailingConfirmationMailIsRetriedFiveTimes_thenAnIncident() throws Exception {
        ProcessInstance instance = mailed();
        doThrow(new IllegalStateException("SMTP down")).when(sendConfirmationMail).execute(any());
        send("RegistrationCompleted", instance);
        assertFailsFiveTimes(instance, "SendConfirmationMail");
    }

    private void assertFailsFiveTimes(ProcessInstance instance, String activity) {
        for (int attempt = 1; attempt <= 5; attempt++) {
            Job job = managementService().createJobQuery().processInstanceId(instance.getId()).activityId(activity)
                    .singleResult();
            assertThat(job.getRetries()).as("retries before attempt " + attempt).isEqualTo(6 - attempt);
            assertThatThrownBy(() -> managementService().executeJob(job.getId())).hasMessageContaining("SMTP down");
        }
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).singleResult()
                .getActivityId()).isEqualTo(activity);
        assertThat(instance).isWaitingAt(activity);
    }
}
