package com.onboarding.invitation;

import com.onboarding.engine.ElementIds;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.springframework.stereotype.Component;

/**
 * What the engine knows of invitations' progress that the application's tables do not: the step an instance stopped
 * at in an incident (a step, usually "Send invitation mail", that failed on every retry and waits for a retry in
 * Cockpit), and each mail their instances sent, are about to send or failed to send.
 */
@Component
public class InvitationProgress {

    /** The invitee's mails, by what the step is ({@link ElementIds#withoutKind}): the same on every model version. */
    public static final Set<String> MAIL_STEPS = Set.of("SendInvitationMail", "SendReminder", "SendConfirmationMail");

    /** Where a mail is. */
    public enum MailState {
        /** Its job waits for its first attempt. */
        QUEUED,
        /** The mail server took it. */
        SENT,
        /** An attempt failed; the next one is due at {@link MailDelivery#nextAttempt()}. */
        RETRYING,
        /** Every attempt failed: an incident in Cockpit, where a retry sends it. */
        FAILED
    }

    /**
     * One mail of an invitation: which step ({@code SendReminder}), where it is, when that happened (queued: since
     * when; sent: when) and, while retrying, when the next attempt is due.
     */
    public record MailDelivery(String step, MailState state, Instant at, Instant nextAttempt) {
    }

    private final ManagementService management;
    private final HistoryService history;

    InvitationProgress(ManagementService management, HistoryService history) {
        this.management = management;
        this.history = history;
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

    /**
     * Every mail to the invitee of these instances, newest first: those sent or given up from the activity history
     * (kept for the history's time to live), those still to go from the waiting jobs.
     */
    public List<MailDelivery> mails(Collection<String> processInstanceIds) {
        List<MailDelivery> mails = new ArrayList<>();
        for (String instance : processInstanceIds) {
            for (HistoricActivityInstance step : history.createHistoricActivityInstanceQuery()
                    .processInstanceId(instance).activityType("serviceTask").list()) {
                String name = ElementIds.withoutKind(step.getActivityId());
                // A step interrupted before it ended sent nothing; one waiting for its job has no instance yet.
                if (MAIL_STEPS.contains(name) && step.getEndTime() != null && !step.isCanceled()) {
                    mails.add(new MailDelivery(name, MailState.SENT, step.getEndTime().toInstant(), null));
                }
            }
        }
        if (!processInstanceIds.isEmpty()) {
            List<Job> jobs = management.createJobQuery().processInstanceIds(new HashSet<>(processInstanceIds)).list();
            Map<String, String> stepOfJob = stepsOf(jobs);
            for (Job job : jobs) {
                String name = stepOfJob.get(job.getJobDefinitionId());
                if (MAIL_STEPS.contains(name)) {
                    mails.add(waiting(name, job));
                }
            }
        }
        mails.sort(Comparator.comparing(MailDelivery::at).reversed());
        return mails;
    }

    private static MailDelivery waiting(String step, Job job) {
        if (job.getRetries() == 0) {
            return new MailDelivery(step, MailState.FAILED, instant(job.getCreateTime()), null);
        }
        if (job.getExceptionMessage() != null) {
            return new MailDelivery(step, MailState.RETRYING, instant(job.getCreateTime()), instant(job.getDuedate()));
        }
        return new MailDelivery(step, MailState.QUEUED, instant(job.getCreateTime()), null);
    }

    /** The step (without its kind) each of these jobs continues at, from their process versions' job definitions. */
    private Map<String, String> stepsOf(List<Job> jobs) {
        Map<String, String> steps = new HashMap<>();
        jobs.stream().map(Job::getProcessDefinitionId).distinct().forEach(definition -> {
            for (JobDefinition jobDefinition : management.createJobDefinitionQuery().processDefinitionId(definition).list()) {
                steps.put(jobDefinition.getId(), ElementIds.withoutKind(jobDefinition.getActivityId()));
            }
        });
        return steps;
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
