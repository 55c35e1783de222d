package com.onboarding.authority;

import org.camunda.bpm.engine.impl.cfg.auth.AuthorizationCommandChecker;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;

/**
 * Camunda's authorization checks, with RETRY_JOB meaning what its name says. The engine lets RETRY_JOB set any job's
 * retries to any number, so a process owner could set a healthy timer or a queued mail job to 0 retries: an incident,
 * and the job never runs again. Here RETRY_JOB covers jobs that failed (no retries left); changing the retries of a
 * job that still has some needs the permission to update the instance, as any other change of a running instance.
 */
class RetryFailedJobsOnly extends AuthorizationCommandChecker {

    @Override
    public void checkUpdateRetriesJob(JobEntity job) {
        if (job.getRetries() > 0) {
            checkUpdateJob(job);
        } else {
            super.checkUpdateRetriesJob(job);
        }
    }
}
