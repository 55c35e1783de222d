package com.onboarding.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.util.Map;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Both paths of {@code bpmn/privilege-change.bpmn}, with the four-eyes approval it calls, on a plain engine. */
@Deployment(resources = {"bpmn/privilege-change.bpmn", "bpmn/four-eyes-approval.bpmn", "forms/approve-request.form"})
class PrivilegeChangeModelTest {

    @RegisterExtension
    static ProcessEngineExtension engine = ProcessEngineExtension.builder().build();

    final MockedApprovalSteps steps = new MockedApprovalSteps();

    @BeforeEach
    void mockSteps() {
        steps.register(engine.getProcessEngine());
    }

    @AfterEach
    void reset() {
        steps.reset();
    }

    ProcessInstance start() {
        ProcessInstance instance = runtimeService().startProcessInstanceByKey("privilege-change", "privilege-change-1",
                Map.of("privilegeChangeId", 1L, "approvalSummary", "Requested: role Administrator", "userLink",
                        "/users/1"));
        assertThat(instance).isWaitingAt("Activity_FourEyesApproval");
        return instance;
    }

    @Test
    void approval_grantsAndEnds() {
        ProcessInstance instance = start();
        ProcessInstance approval = MockedApprovalSteps.approvalOf(instance);
        assertThat(approval).hasBusinessKey("privilege-change-1").variables()
                .containsEntry("approvalSummary", "Requested: role Administrator").doesNotContainKey("privilegeChangeId");
        complete(task("Activity_ApproveRequest", approval), Map.of("approvalDecision", "approve"));
        assertThat(instance).hasPassed("Activity_FourEyesApproval", "Gateway_ChangeApproved", "Event_PrivilegesGranted").isEnded();
        steps.verifyNoRejectionMailed();
    }

    @Test
    void rejection_tellsTheRequesterThenEnds() {
        ProcessInstance instance = start();
        ProcessInstance approval = MockedApprovalSteps.approvalOf(instance);
        complete(task("Activity_ApproveRequest", approval), Map.of("approvalDecision", "reject"));
        assertThat(instance).isWaitingAt("Activity_FourEyesApproval");
        execute(job("Activity_MailApprovalRejection", approval));
        assertThat(instance).hasPassed("Gateway_ChangeApproved", "Event_ChangeRejected").isEnded();
        steps.verifyRejectionMailed();
    }
}
