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

/** Every path of {@code bpmn/bulk-invitation.bpmn} on a plain engine with mocked steps. */
@Deployment(resources = "bpmn/bulk-invitation.bpmn")
class BulkInvitationModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    final JavaDelegate inviteNextRows = mock(JavaDelegate.class);
    final JavaDelegate closeBulkImport = mock(JavaDelegate.class);
    /** What each step answers to "rows left?". */
    final Deque<Boolean> rowsLeft = new ArrayDeque<>();

    @BeforeEach
    void mockSteps() throws Exception {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("inviteNextRows", inviteNextRows);
        Mocks.register("closeBulkImport", closeBulkImport);
        doAnswer(call -> {
            call.getArgument(0, DelegateExecution.class).setVariable("rowsLeft", rowsLeft.pop());
            return null;
        }).when(inviteNextRows).execute(any());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    @Test
    void sendingAnswersAtOnce_andEachStepIsAJobOfItsOwn_untilNoRowsAreLeft() throws Exception {
        rowsLeft.addAll(List.of(true, true, false));
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("bulk-invitation",
                "bulk-import-1", Map.of("bulkImportId", 1L));
        assertThat(instance).isWaitingAt("Activity_InviteNextRows");
        verify(inviteNextRows, never()).execute(any());

        execute(job(instance));
        assertThat(instance).isWaitingAt("Activity_InviteNextRows");
        execute(job(instance));
        assertThat(instance).isWaitingAt("Activity_InviteNextRows");
        execute(job(instance));

        assertThat(instance).hasPassed("Activity_CloseBulkImport").isEnded();
        verify(inviteNextRows, times(3)).execute(any());
        verify(closeBulkImport).execute(any());
    }

    @Test
    void aStepThatFailsIsRetried_andAfterItsRetriesShowsAnIncident_withTheRowsLeftWaiting() throws Exception {
        doThrow(new IllegalStateException("database away")).when(inviteNextRows).execute(any());
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("bulk-invitation",
                "bulk-import-2", Map.of("bulkImportId", 2L));

        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                managementService().executeJob(job(instance).getId());
            } catch (RuntimeException expected) {
                // each attempt fails; the job keeps its place
            }
        }

        assertThat(job(instance).getRetries()).isZero();
        assertThat(runtimeService().createIncidentQuery().processInstanceId(instance.getId()).count()).isEqualTo(1);
        assertThat(instance).isWaitingAt("Activity_InviteNextRows");
        verify(closeBulkImport, never()).execute(any());
    }
}
