package com.onboarding.invitation;

import com.onboarding.engine.ElementIds;
import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * Invitations whose process stopped in an incident: a step (usually "Send invitation mail") failed on every retry
 * and waits for someone to retry it in Cockpit. The Users row shows it next to the status.
 */
@Component
public class InvitationIncidents {

    private final ManagementService management;

    InvitationIncidents(ManagementService management) {
        this.management = management;
    }

    /** For each of these process instances that stopped in an incident: the step that failed, without its kind. */
    public Map<String, String> failedSteps(Collection<String> processInstanceIds) {
        if (processInstanceIds.isEmpty()) {
            return Map.of();
        }
        // A job without retries left is what an incident of these processes is: read by the page's instances only,
        // however many incidents a mail server outage left elsewhere.
        return management.createJobQuery().processInstanceIds(new HashSet<>(processInstanceIds)).noRetriesLeft()
                .list().stream().filter(job -> job.getFailedActivityId() != null)
                .collect(Collectors.toMap(Job::getProcessInstanceId, job -> ElementIds.withoutKind(job.getFailedActivityId()), (a, b) -> a));
    }
}
