package com.onboarding.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

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

/** Both paths of {@code bpmn/privilege-change.bpmn} on a plain engine with mocked steps. */
@Deployment(resources = {"bpmn/privilege-change.bpmn", "forms/approve-privilege-change.form"})
class PrivilegeChangeModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    final JavaDelegate recordPrivilegeDecision = mock(JavaDelegate.class);
    final JavaDelegate mailPrivilegeRejection = mock(JavaDelegate.class);

    @BeforeEach
    void mockSteps() throws Exception {
        BpmnAwareTests.init(engine.getProcessEngine());
        Mocks.register("recordPrivilegeDecision", recordPrivilegeDecision);
        Mocks.register("mailPrivilegeRejection", mailPrivilegeRejection);
        doAnswer(call -> {
            DelegateExecution execution = call.getArgument(0, DelegateExecution.class);
            execution.setVariable("approved", "approve".equals(execution.getVariable("approvalDecision")));
            return null;
        }).when(recordPrivilegeDecision).execute(any());
    }

    @AfterEach
    void reset() {
        Mocks.reset();
    }

    ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("privilege-change", "privilege-change-1",
                Map.of("privilegeChangeId", 1L, "changeSummary", "Requested: role Administrator", "userLink", "/users/1"));
        assertThat(instance).isWaitingAt("ApprovePrivilegeChange");
        assertThat(task("ApprovePrivilegeChange", instance)).isNotAssigned().hasCandidateGroup("camunda-admin");
        return instance;
    }

    @Test
    void approval_grantsAndEnds() throws Exception {
        ProcessInstance instance = start();
        complete(task("ApprovePrivilegeChange", instance), Map.of("approvalDecision", "approve"));
        assertThat(instance).hasPassed("RecordPrivilegeDecision", "ChangeApproved", "PrivilegesGranted").isEnded();
        verify(mailPrivilegeRejection, never()).execute(any());
    }

    @Test
    void rejection_tellsTheRequesterThenEnds() throws Exception {
        ProcessInstance instance = start();
        complete(task("ApprovePrivilegeChange", instance), Map.of("approvalDecision", "reject"));
        assertThat(instance).isWaitingAt("MailPrivilegeRejection");
        execute(job("MailPrivilegeRejection", instance));
        assertThat(instance).hasPassed("ChangeRejected").isEnded();
        verify(mailPrivilegeRejection).execute(any());
    }
}
