package com.onboarding.privileges;

import com.onboarding.engine.ProcessVariable;
import com.onboarding.engine.ProcessVariables;
import com.onboarding.scopes.FourEyes;
import java.util.List;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The process {@code bpmn/privilege-change.bpmn} seen from Java. Its variables hold ids and the requested role and
 * permissions; a rejection's reason exists for a moment only and never reaches history.
 */
@Component
public class PrivilegeChangeProcess implements ProcessVariables {

    public static final String KEY = "privilege-change";
    public static final String TASK_APPROVE = "ApprovePrivilegeChange";

    public static final ProcessVariable<Long> CHANGE_ID = ProcessVariable.of("privilegeChangeId", Long.class);
    /** What the approver decides on: the requested role and permissions and who asks; no personal data; in each language. */
    public static final ProcessVariable<SpinJsonNode> CHANGE_SUMMARY =
            ProcessVariable.of("changeSummary", SpinJsonNode.class);
    public static final ProcessVariable<String> USER_LINK = ProcessVariable.of("userLink", String.class);
    public static final ProcessVariable<String> APPROVAL_DECISION = FourEyes.DECISION;
    public static final String APPROVE = FourEyes.APPROVE;
    public static final String REJECT = FourEyes.REJECT;
    public static final ProcessVariable<Boolean> APPROVED = FourEyes.APPROVED;
    public static final ProcessVariable<String> REJECTION_REASON = FourEyes.REJECTION_REASON;

    @Override
    public List<ProcessVariable<?>> declared() {
        return List.of(CHANGE_ID, CHANGE_SUMMARY, USER_LINK, APPROVAL_DECISION, APPROVED, REJECTION_REASON);
    }

    public static String businessKey(long changeId) {
        return "privilege-change-" + changeId;
    }
}
