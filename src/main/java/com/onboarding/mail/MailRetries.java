package com.onboarding.mail;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How a mail step of the processes is retried when the mail server fails: {@code onboarding.mail.retry-intervals},
 * the waits before each retry (default 1 min, 5 min, 15 min, 1 h, 2 h: a mail server down for an hour costs no
 * incident; only after about three and a half hours of failures does the step stop and show an incident in Cockpit
 * and on the user's row). The BPMN reads it as {@code camunda:failedJobRetryTimeCycle="${mailRetries.schedule}"},
 * Camunda's list of intervals.
 */
@Component("mailRetries")
@ConfigurationProperties("onboarding.mail")
public class MailRetries {

    private List<Duration> retryIntervals = new ArrayList<>(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(15), Duration.ofHours(1), Duration.ofHours(2)));

    public List<Duration> getRetryIntervals() {
        return retryIntervals;
    }

    public void setRetryIntervals(List<Duration> retryIntervals) {
        if (retryIntervals == null || retryIntervals.isEmpty()
                || retryIntervals.stream().anyMatch(interval -> interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("onboarding.mail.retry-intervals must list positive durations, e.g. [PT1M, PT5M]");
        }
        this.retryIntervals = new ArrayList<>(retryIntervals);
    }

    /** The intervals as Camunda's retry time cycle: ISO-8601 durations separated by commas. */
    public String getSchedule() {
        return retryIntervals.stream().map(Duration::toString).collect(Collectors.joining(","));
    }
}
