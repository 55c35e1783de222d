package com.onboarding.approval;

import com.onboarding.engine.ProcessVariable;
import com.onboarding.engine.ProcessVariables;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The process {@code bpmn/four-eyes-approval.bpmn} seen from Java, called by every process that grants sensitive
 * access. Its variables hold the question (no personal data) and the answer; a rejection's reason exists for a moment
 * only (declared personal: never in history).
 */
@Component
public class ApprovalProcess implements ProcessVariables {

    public static final String KEY = "four-eyes-approval";
    /** The task of the second global admin. */
    public static final String TASK_APPROVE = Elements.APPROVE_REQUEST;

    /** What the approver decides on, in each language; the calling process passes it in. */
    public static final ProcessVariable<SpinJsonNode> SUMMARY = ProcessVariable.of("approvalSummary", SpinJsonNode.class);
    /** The user's row on the Users screen, for the form and Cockpit; passed in by the calling process. */
    public static final ProcessVariable<String> USER_LINK = ProcessVariable.of("userLink", String.class);
    public static final ProcessVariable<String> DECISION = FourEyes.DECISION;
    public static final String APPROVE = FourEyes.APPROVE;
    public static final String REJECT = FourEyes.REJECT;
    /** The checked decision, passed out to the calling process. */
    public static final ProcessVariable<Boolean> APPROVED = FourEyes.APPROVED;
    public static final ProcessVariable<String> REJECTION_REASON = FourEyes.REJECTION_REASON;

    @Override
    public List<ProcessVariable<?>> declared() {
        return List.of(SUMMARY, USER_LINK, DECISION, APPROVED, REJECTION_REASON);
    }

    /**
     * The ids of the elements of bpmn/four-eyes-approval.bpmn, named once for the code and the model tests
     * (ModelNamesTest: exactly the model's flow elements).
     */
    public static final class Elements {

        private Elements() {
        }

        /** start event "Approval requested". */
        public static final String APPROVAL_REQUESTED = "Event_ApprovalRequested";
        /** user task "Approve or reject". */
        public static final String APPROVE_REQUEST = "Activity_ApproveRequest";
        /** service task "Record the decision". */
        public static final String RECORD_APPROVAL_DECISION = "Activity_RecordApprovalDecision";
        /** exclusive gateway "Approved?". */
        public static final String APPROVED = "Gateway_Approved";
        /** end event "Approved". */
        public static final String REQUEST_APPROVED = "Event_RequestApproved";
        /** service task "Tell who asked". */
        public static final String MAIL_APPROVAL_REJECTION = "Activity_MailApprovalRejection";
        /** end event "Rejected". */
        public static final String REQUEST_REJECTED = "Event_RequestRejected";
    }
}
