package com.onboarding.invitation;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.Incident;
import org.springframework.stereotype.Component;

/**
 * Invitations whose process stopped in an incident: a step (usually "Send invitation mail") failed on every retry
 * and waits for someone to retry it in Cockpit. The Users row shows it next to the status.
 */
@Component
public class InvitationIncidents {

    private final RuntimeService runtime;

    InvitationIncidents(RuntimeService runtime) {
        this.runtime = runtime;
    }

    /** For each of these process instances that has an open incident: the id of the step that failed. */
    public Map<String, String> failedSteps(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        Set<String> wanted = Set.copyOf(processInstanceIds);
        // Open incidents are few (each is a problem someone should fix), so they are read all at once.
        return runtime.createIncidentQuery().processDefinitionKeyIn(InvitationProcess.KEY).list().stream()
                .filter(incident -> wanted.contains(incident.getProcessInstanceId()))
                .collect(Collectors.toMap(Incident::getProcessInstanceId, Incident::getActivityId, (a, b) -> a));
    }
}
