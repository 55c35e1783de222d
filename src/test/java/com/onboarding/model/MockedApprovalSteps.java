package com.onboarding.model;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doAnswer;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

import com.onboarding.mail.MailRetries;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.mock.Mocks;

/** The steps of bpmn/four-eyes-approval.bpmn, mocked: the decision is the form's answer. */
final class MockedApprovalSteps {

    final JavaDelegate recordApprovalDecision = mock(JavaDelegate.class);
    final JavaDelegate mailApprovalRejection = mock(JavaDelegate.class);

    void register(ProcessEngine engine) {
        BpmnAwareTests.init(engine);
        Mocks.register("recordApprovalDecision", recordApprovalDecision);
        Mocks.register("mailApprovalRejection", mailApprovalRejection);
        Mocks.register("mailRetries", new MailRetries());
        try {
            doAnswer(call -> {
                DelegateExecution execution = call.getArgument(0, DelegateExecution.class);
                execution.setVariable("approved", "approve".equals(execution.getVariable("approvalDecision")));
                return null;
            }).when(recordApprovalDecision).execute(any());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void reset() {
        Mocks.reset();
    }

    static ProcessInstance approvalOf(ProcessInstance caller) {
        return runtimeService().createProcessInstanceQuery().superProcessInstanceId(caller.getId()).singleResult();
    }

    void verifyRejectionMailed() {
        try {
            verify(mailApprovalRejection).execute(any());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    void verifyNoRejectionMailed() {
        try {
            verify(mailApprovalRejection, never()).execute(any());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
