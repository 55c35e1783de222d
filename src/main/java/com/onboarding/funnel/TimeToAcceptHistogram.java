package com.onboarding.funnel;

import com.onboarding.invitation.InvitationStatus;
import io.prometheus.metrics.model.registry.Collector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.ClassicHistogramBuckets;
import io.prometheus.metrics.model.snapshots.HistogramSnapshot;
import jakarta.persistence.EntityManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@code onboarding_invitation_time_to_accept_seconds}, a Prometheus histogram of the time from invitation to
 * registration, computed from the accepted invitations on record, as the counters are from the audit log: the same
 * on every node and after a restart. (A Micrometer timer fed by this JVM's registrations started at 0 after every
 * restart while the counters went on.) A deleted user's invitation leaves it, as their data leaves everything.
 */
@Component
class TimeToAcceptHistogram implements Collector {

    static final String NAME = "onboarding_invitation_time_to_accept_seconds";
    static final List<Duration> BUCKETS = List.of(Duration.ofHours(1), Duration.ofDays(1), Duration.ofDays(3),
            Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(21));

    /** A scrape reads this once; one query serves it for this long. */
    private static final Duration CACHE = Duration.ofSeconds(5);

    private final EntityManager entities;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final String query;
    private volatile HistogramSnapshot snapshot;
    private volatile Instant takenAt = Instant.EPOCH;

    TimeToAcceptHistogram(EntityManager entities, TransactionTemplate transaction, Clock clock,
            ObjectProvider<PrometheusRegistry> prometheus) {
        this.entities = entities;
        this.transaction = transaction;
        this.clock = clock;
        // One row: how many were accepted, their seconds in all, and how many within each bucket's bound.
        this.query = "select count(i), coalesce(sum((i.closedAt - i.createdAt) by second), 0)"
                + BUCKETS.stream().map(bound -> ", coalesce(sum(case when (i.closedAt - i.createdAt) by second <= "
                        + bound.toSeconds() + " then 1 else 0 end), 0)").collect(Collectors.joining())
                + " from Invitation i where i.status = :accepted and i.closedAt is not null";
        prometheus.ifAvailable(registry -> registry.register(this));
    }

    @Override
    public HistogramSnapshot collect() {
        Instant now = clock.instant();
        if (snapshot == null || now.isAfter(takenAt.plus(CACHE)) || now.isBefore(takenAt)) {
            snapshot = transaction.execute(status -> take());
            takenAt = now;
        }
        return snapshot;
    }

    @Override
    public String getPrometheusName() {
        return NAME;
    }

    private HistogramSnapshot take() {
        Object[] row = entities.createQuery(query, Object[].class)
                .setParameter("accepted", InvitationStatus.ACCEPTED).getSingleResult();
        long count = ((Number) row[0]).longValue();
        double[] bounds = new double[BUCKETS.size() + 1];
        long[] counts = new long[BUCKETS.size() + 1];
        long below = 0;
        for (int i = 0; i < BUCKETS.size(); i++) {
            bounds[i] = BUCKETS.get(i).toSeconds();
            long cumulative = ((Number) row[2 + i]).longValue();
            counts[i] = cumulative - below; // Prometheus' model takes each bucket's own count
            below = cumulative;
        }
        bounds[BUCKETS.size()] = Double.POSITIVE_INFINITY;
        counts[BUCKETS.size()] = count - below;
        return HistogramSnapshot.builder().name(NAME)
                .help("From the invitation to the invitee's registration, of the accepted invitations on record")
                .dataPoint(HistogramSnapshot.HistogramDataPointSnapshot.builder()
                        .classicHistogramBuckets(ClassicHistogramBuckets.of(bounds, counts))
                        .sum(((Number) row[1]).doubleValue())
                        .build())
                .build();
    }
}
