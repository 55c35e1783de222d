package com.onboarding.webhooks;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How webhooks are delivered, under {@code onboarding.webhooks}: {@code retry-intervals}, the waits before each
 * retry of a failed delivery (default 1 min, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h: a receiver down for a day loses
 * nothing; then the delivery shows an incident in Cockpit, and a retry there sends it); {@code connect-timeout} and
 * {@code timeout} (5 s and 15 s) for one attempt; {@code secret-overlap} (1 day), how long a rotated secret still
 * signs beside the new one. The BPMN reads the retries as {@code ${webhookSettings.retrySchedule}}.
 */
@Component("webhookSettings")
@ConfigurationProperties("onboarding.webhooks")
public class WebhookSettings {

    private List<Duration> retryIntervals = new ArrayList<>(List.of(Duration.ofMinutes(1), Duration.ofMinutes(5),
            Duration.ofMinutes(30), Duration.ofHours(2), Duration.ofHours(5), Duration.ofHours(10),
            Duration.ofHours(10)));
    private Duration connectTimeout = Duration.ofSeconds(5);
    private Duration timeout = Duration.ofSeconds(15);
    private Duration secretOverlap = Duration.ofDays(1);

    public List<Duration> getRetryIntervals() {
        return retryIntervals;
    }

    public void setRetryIntervals(List<Duration> retryIntervals) {
        if (retryIntervals == null || retryIntervals.isEmpty()
                || retryIntervals.stream().anyMatch(interval -> interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("onboarding.webhooks.retry-intervals must list positive durations");
        }
        this.retryIntervals = new ArrayList<>(retryIntervals);
    }

    /** Camunda's retry time cycle: the intervals as ISO-8601 durations separated by commas. */
    public String getRetrySchedule() {
        return retryIntervals.stream().map(Duration::toString).collect(Collectors.joining(","));
    }

    public Duration getConnectTimeout() {
        return connectTimeout;
    }

    public void setConnectTimeout(Duration connectTimeout) {
        this.connectTimeout = connectTimeout;
    }

    public Duration getTimeout() {
        return timeout;
    }

    public void setTimeout(Duration timeout) {
        this.timeout = timeout;
    }

    public Duration getSecretOverlap() {
        return secretOverlap;
    }

    public void setSecretOverlap(Duration secretOverlap) {
        this.secretOverlap = secretOverlap;
    }
}
