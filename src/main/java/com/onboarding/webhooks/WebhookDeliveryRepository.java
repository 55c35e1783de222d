package com.onboarding.webhooks;

import java.util.List;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface WebhookDeliveryRepository extends JpaRepository<WebhookDelivery, Long> {

    /** An earlier delivery of the same subject to the same endpoint that has not gone out yet, if any. */
    @Query("select min(d.id) from WebhookDelivery d where d.endpoint.id = ?1 and d.subject = ?2 and d.id < ?3"
            + " and d.deliveredAt is null")
    Long firstEarlierPending(long endpointId, String subject, long id);

    List<WebhookDelivery> findByEndpointIdOrderByIdDesc(long endpointId, Pageable page);

    long countByEndpointIdAndDeliveredAtIsNull(long endpointId);

    /** Ids only: the rows themselves go with their endpoint (on delete cascade), never loaded on the way. */
    @Query("select d.id from WebhookDelivery d where d.endpoint.id = ?1 and d.deliveredAt is null")
    List<Long> pendingIds(long endpointId);
}
