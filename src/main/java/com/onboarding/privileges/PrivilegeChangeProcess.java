package com.onboarding.privileges;

import com.onboarding.engine.BusinessKey;
import com.onboarding.engine.ProcessVariable;
import com.onboarding.engine.ProcessVariables;
import com.onboarding.approval.ApprovalProcess;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The process {@code bpmn/privilege-change.bpmn} seen from Java. Its variables hold ids and the approval's question and
 * answer; the four-eyes approval itself is bpmn/four-eyes-approval.bpmn.
 */
@Component
public class PrivilegeChangeProcess implements ProcessVariables {

    public static final String KEY = "privilege-change";

    public static final ProcessVariable<Long> CHANGE_ID = ProcessVariable.of("privilegeChangeId", Long.class);
    /** What the approver decides on: the requested role and permissions and who asks; no personal data; in each language. */
    public static final ProcessVariable<SpinJsonNode> APPROVAL_SUMMARY = ApprovalProcess.SUMMARY;
    public static final ProcessVariable<String> USER_LINK = ApprovalProcess.USER_LINK;
    /** The four-eyes approval's answer (bpmn/four-eyes-approval.bpmn, called by this process). */
    public static final ProcessVariable<Boolean> APPROVED = ApprovalProcess.APPROVED;

    @Override
    public List<ProcessVariable<?>> declared() {
        return List.of(CHANGE_ID, APPROVAL_SUMMARY, USER_LINK, APPROVED);
    }

    /** Business keys are this and the id; an approval it calls carries the same. */
    public static final BusinessKey BUSINESS_KEY = new BusinessKey("privilege-change-");

    public static String businessKey(long changeId) {
        return BUSINESS_KEY.of(changeId);
    }
}
