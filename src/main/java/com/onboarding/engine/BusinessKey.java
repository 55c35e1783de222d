package com.onboarding.engine;

import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;

/**
 * A process's business keys: a prefix and the id of the record an instance runs ("invitation-42"). The key is set at
 * the start, cannot be changed through the engine's REST API, shows in Cockpit's lists and is passed on to a called
 * process, so a step reads its record's id from it rather than from a variable kept for the purpose (two rows fewer
 * per instance, the variable and its history).
 */
public record BusinessKey(String prefix) {

    public String of(long id) {
        return prefix + id;
    }

    /** The id this key names; empty for a key of another process, or none. */
    public Optional<Long> idIn(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(prefix)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Long.parseLong(businessKey.substring(prefix.length())));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    /** The id of the record this execution's process instance runs. */
    public long idOf(DelegateExecution execution) {
        return idIn(execution.getProcessBusinessKey()).orElseThrow(() -> new IllegalStateException("Process instance "
                + execution.getProcessInstanceId() + " has no business key of the form " + prefix + "<id>"));
    }
}
