package com.onboarding.approval;

import com.onboarding.Texts;
import com.onboarding.engine.EngineActor;
import com.onboarding.engine.EngineErrors;
import com.onboarding.engine.ProcessVariable;
import com.onboarding.scopes.AdminScopes;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.stereotype.Component;

/**
 * The four-eyes rule for sensitive access (an invitation or an edit that grants the role Administrator or a
 * sensitive permission): a global admin other than the one who asked decides, and a rejection says why. The answer
 * comes from a Tasklist form; a refused answer fails the task's completion, so the task stays open.
 */
@Component
public class FourEyes {

    /** Longest reason for a rejection (the columns' size). */
    public static final int MAX_REASON = 1000;
    public static final String APPROVE = "approve";
    public static final String REJECT = "reject";

    // The variables of every four-eyes task, named once for the processes that have one.
    /** The approver's answer from the task's form: {@value #APPROVE} or {@value #REJECT}. */
    public static final ProcessVariable<String> DECISION = ProcessVariable.of("approvalDecision", String.class);
    /** The checked decision the "Approved?" gateways follow. */
    public static final ProcessVariable<Boolean> APPROVED = ProcessVariable.of("approved", Boolean.class);
    public static final ProcessVariable<String> REJECTION_REASON =
            ProcessVariable.personal("rejectionReason", String.class);

    /** A checked decision: who decided, and with a rejection, why. */
    public record Decision(String approver, boolean approved, String reason) {
    }

    private final EngineActor engineActor;
    private final AdminScopes adminScopes;
    private final Texts texts;

    public FourEyes(EngineActor engineActor, AdminScopes adminScopes, Texts texts) {
        this.engineActor = engineActor;
        this.adminScopes = adminScopes;
        this.texts = texts;
    }

    /** The engine's authenticated user's decision on what {@code requester} asked for. */
    public Decision decide(String requester, String decision, String reason) {
        String actor = engineActor.current().orElseThrow(() -> new AuthorizationException(
                "Only a signed-in global administrator can approve sensitive access."));
        if (!adminScopes.isGlobal(actor)) {
            throw EngineErrors.refused(texts.of("tasklist.fourEyes.globalOnly"));
        }
        if (actor.equals(requester)) {
            throw EngineErrors.refused(texts.of("tasklist.fourEyes.ownRequest"));
        }
        if (APPROVE.equals(decision)) {
            return new Decision(actor, true, null);
        }
        if (!REJECT.equals(decision)) {
            throw EngineErrors.refused(texts.of("tasklist.fourEyes.choose"));
        }
        String why = reason == null ? "" : reason.strip();
        if (why.isEmpty()) {
            throw EngineErrors.refused(texts.of("tasklist.fourEyes.reasonMissing"));
        }
        if (why.length() > MAX_REASON) {
            throw EngineErrors.refused(texts.of("tasklist.fourEyes.reasonTooLong", MAX_REASON));
        }
        return new Decision(actor, false, why);
    }
}
