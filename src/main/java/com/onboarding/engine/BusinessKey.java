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

    /**
     * The id this key names: the prefix and 1 to 18 digits, nothing else (no sign, no space). Empty for a key of
     * another process, or none; also read from what an admin types into the Users screen's search.
     */
    public Optional<Long> idIn(String businessKey) {
        if (businessKey == null || !businessKey.startsWith(prefix)) {
            return Optional.empty();
        }
        String digits = businessKey.substring(prefix.length());
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }

    /** The id of the record this execution's process instance runs. */
    public long idOf(DelegateExecution execution) {
        return idIn(execution.getProcessBusinessKey()).orElseThrow(() -> new IllegalStateException("Process instance "
                + execution.getProcessInstanceId() + " has no business key of the form " + prefix + "<id>"));
    }
}
