package com.onboarding.model;

import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.verify;

import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Every path of {@code bpmn/invite-user.bpmn} on a plain in-memory engine with mocked steps. */
@Deployment(resources = {"bpmn/invite-user.bpmn", "forms/invite-user.form", "forms/invite-user-start.form",
        "forms/invitation-sent.form"})
class InviteUserModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    final JavaDelegate loadInvitationChoices = mock(JavaDelegate.class);
    final JavaDelegate startInvitation = mock(JavaDelegate.class);

    @BeforeEach
    void mockSteps() {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("loadInvitationChoices", loadInvitationChoices);
        Mocks.register("startInvitation", startInvitation);
        engine.getIdentityService().setAuthenticatedUserId("anna");
    }

    @AfterEach
    void reset() {
        Mocks.reset();
        engine.getIdentityService().clearAuthentication();
    }

    @Test
    void theStartingAdminGetsTheTask_andCompletingItStartsTheInvitation() throws Exception {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("invite-user");
        assertThat(instance).hasPassed("Activity_LoadChoices").isWaitingAt("Activity_EnterUserData");
        assertThat(task()).isAssignedTo("anna");
        complete(task());
        // The confirmation for the same admin, which Tasklist opens by itself; completing it ends the instance.
        assertThat(instance).hasPassed("Activity_StartInvitation").isWaitingAt("Activity_InvitationSent");
        assertThat(task()).isAssignedTo("anna");
        complete(task());
        assertThat(instance).hasPassed("Event_InvitationStarted").isEnded();
        verify(loadInvitationChoices).execute(any());
        verify(startInvitation).execute(any());
    }

    @Test
    void aRefusedSubmissionKeepsTheTask() throws Exception {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("invite-user");
        doThrow(new BadUserRequestException("refused")).when(startInvitation).execute(any());
        assertThatThrownBy(() -> complete(task(instance))).hasMessageContaining("refused");
        assertThat(instance).isWaitingAt("Activity_EnterUserData");
    }

    @Test
    void anUnreadConfirmationClosesItselfAfterAnHour() throws Exception {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("invite-user");
        assertThat(instance).isWaitingAt("Activity_EnterUserData");
        complete(task());
        assertThat(instance).isWaitingAt("Activity_InvitationSent");
        execute(job(instance));
        assertThat(instance).hasPassed("Event_ConfirmationClosed").isEnded();
    }
}
