package com.onboarding.webhooks;

import jakarta.persistence.QueryHint;
import java.util.List;
import org.hibernate.jpa.HibernateHints;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.jpa.repository.QueryHints;

public interface WebhookEndpointRepository extends JpaRepository<WebhookEndpoint, Long> {

    /**
     * Asked on every invitation and user event, inside the transaction that caused it. Written out as JPQL: Spring
     * Data builds a derived query as a new criteria query on each call, which Hibernate translates anew, and checking
     * the transaction's entities for an auto-flush came on top; together they were 6 % of the service's CPU in a
     * profile of bench/run (docs/speed.md). Endpoints are never changed in those transactions, so there is nothing
     * to flush first.
     */
    @Query("select e from WebhookEndpoint e where e.enabled = true")
    @QueryHints(@QueryHint(name = HibernateHints.HINT_FLUSH_MODE, value = "COMMIT"))
    List<WebhookEndpoint> findByEnabledTrue();

    List<WebhookEndpoint> findAllByOrderByIdAsc();
}
