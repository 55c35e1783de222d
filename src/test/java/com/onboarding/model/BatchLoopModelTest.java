package com.onboarding.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.managementService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every path of the two processes that work through a list in the background, on a plain engine with mocked steps:
 * {@code bpmn/bulk-invitation.bpmn} (a file's rows) and {@code bpmn/user-selection.bpmn} (selected users). Both
 * answer at once, take one job per step until nothing is left, then close; a failing step retries and then shows an
 * incident, with the rest still waiting.
 */
@Deployment(resources = {"bpmn/bulk-invitation.bpmn", "bpmn/user-selection.bpmn"})
class BatchLoopModelTest {

    /** One such process: its key, its id variable, its step and close delegates and ids, its "left?" variable. */
    record Loop(String key, String idVariable, String stepDelegate, String stepId, String closeDelegate,
            String closeId, String leftVariable) {

        @Override
        public String toString() {
            return key;
        }
    }

    static Stream<Loop> loops() {
        return Stream.of(
                new Loop("bulk-invitation", "bulkImportId", "inviteNextRows", "Activity_InviteNextRows",
                        "closeBulkImport", "Activity_CloseBulkImport", "rowsLeft"),
                new Loop("user-selection", "selectionId", "actOnNextUsers", "Activity_ActOnNextUsers",
                        "closeSelection", "Activity_CloseSelection", "usersLeft"));
    }

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    final JavaDelegate step = mock(JavaDelegate.class);
    final JavaDelegate close = mock(JavaDelegate.class);
    /** What each step answers to "anything left?". */
    final Deque<Boolean> left = new ArrayDeque<>();

    @BeforeEach
    void init() {
        BpmnAwareTests.init(engine.getProcessEngine());
    }

    private void mockSteps(Loop loop) throws Exception {
        Mocks.register(loop.stepDelegate(), step);
        Mocks.register(loop.closeDelegate(), close);
        doAnswer(call -> {
            call.getArgument(0, DelegateExecution.class).setVariable(loop.leftVariable(), left.pop());
            return null;
        }).when(step).execute(any());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @ParameterizedTest
    @MethodSource("loops")
    void answersAtOnce_andEachStepIsAJobOfItsOwn_untilNothingIsLeft(Loop loop) throws Exception {
        mockSteps(loop);
        left.addAll(List.of(true, true, false));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(loop.key(), loop.key() + "-1",
                Map.of(loop.idVariable(), 1L));
        assertThat(instance).isWaitingAt(loop.stepId());
        verify(step, never()).execute(any());

        execute(job(instance));
        assertThat(instance).isWaitingAt(loop.stepId());
        execute(job(instance));
        assertThat(instance).isWaitingAt(loop.stepId());
        execute(job(instance));

        assertThat(instance).hasPassed(loop.closeId()).isEnded();
        verify(step, times(3)).execute(any());
        verify(close).execute(any());
    }

    @ParameterizedTest
    @MethodSource("loops")
    void aStepThatFailsIsRetried_andAfterItsRetriesShowsAnIncident_withTheRestWaiting(Loop loop) throws Exception {
        mockSteps(loop);
        doThrow(new IllegalStateException("database away")).when(step).execute(any());
        ProcessInstance instance = runtimeService().startProcessInstanceByKey(loop.key(), loop.key() + "-2",
                Map.of(loop.idVariable(), 2L));

        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                managementService().executeJob(job(instance).getId());
            } catch (RuntimeException expected) {
                // each attempt fails; the job keeps its place
            }
        }

        assertThat(job(instance).getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        assertThat(instance).isWaitingAt(loop.stepId());
        verify(close, never()).execute(any());
    }
}
