package com.onboarding.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
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

/** Every path of {@code bpmn/new-link-request.bpmn} on a plain engine with mocked steps. */
@Deployment(resources = {"bpmn/new-link-request.bpmn", "forms/new-link-request.form"})
class NewLinkRequestModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    final JavaDelegate checkNewLinkRequest = mock(JavaDelegate.class);
    final JavaDelegate recordNewLinkAnswer = mock(JavaDelegate.class);
    boolean eligible = true;

    @BeforeEach
    void mockSteps() throws Exception {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("checkNewLinkRequest", checkNewLinkRequest);
        Mocks.register("recordNewLinkAnswer", recordNewLinkAnswer);
        UserInvitationModelTest.Settings settings = mock(UserInvitationModelTest.Settings.class);
        when(settings.getFollowUpGracePeriodIso()).thenReturn("P14D");
        Mocks.register("invitationSettings", settings);
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0, DelegateExecution.class);
            execution.setVariable("eligible", eligible);
            execution.setVariable("recipient", "demo");
            return null;
        }).when(checkNewLinkRequest).execute(any());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    ProcessInstance requested() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("new-link-request",
                Map.of("newLinkRequestId", 1L));
        assertThat(instance).hasPassed("Event_NewLinkRequested");
        verifyNoCheckYet();
        execute(job(instance));
        return instance;
    }

    void verifyNoCheckYet() {
        try {
            verify(checkNewLinkRequest, never()).execute(any());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theCheckRunsAsAJob_thenTheInviterGetsATask() {
        ProcessInstance instance = requested();
        assertThat(instance).isWaitingAt("Activity_AnswerNewLinkRequest");
        assertThat(task("Activity_AnswerNewLinkRequest", instance)).isAssignedTo("demo");
    }

    @Test
    void answered_ends() throws Exception {
        ProcessInstance instance = requested();
        complete(task("Activity_AnswerNewLinkRequest", instance), Map.of("newLinkDecision", "resend"));
        assertThat(instance).hasPassed("Activity_RecordNewLinkAnswer", "Event_RequestAnswered").isEnded();
        verify(recordNewLinkAnswer).execute(any());
    }

    @Test
    void nothingToDo_endsWithoutATask() {
        eligible = false;
        ProcessInstance instance = requested();
        assertThat(instance).hasPassed("Event_NothingToDo").isEnded();
    }

    @Test
    void nobodyAnswers_theRequestLapses() throws Exception {
        ProcessInstance instance = requested();
        execute(managementService().createJobQuery().processInstanceId(instance.getId()).timers().singleResult());
        assertThat(instance).hasPassed("Event_NobodyAnswered", "Event_RequestLapsed").isEnded();
        verify(recordNewLinkAnswer, never()).execute(any());
    }
}
