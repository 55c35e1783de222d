package com.onboarding.webhooks;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Service task "Deliver event": one signed POST of one event to one endpoint. A 2xx answer delivers it; anything else
 * (another status, a timeout, no connection) is recorded on the delivery and fails the step, which the engine
 * retries after growing pauses and, when they are used up, shows as an incident. Events of one subject reach an
 * endpoint in the order they happened: while an earlier one waits, a later one fails the same way and waits too.
 */
@Service
public class WebhookDeliveries {

    private final WebhookDeliveryRepository deliveries;
    private final WebhookSettings settings;
    private final Clock clock;
    private final TransactionTemplate separately;
    private final HttpClient http;

    WebhookDeliveries(WebhookDeliveryRepository deliveries, WebhookSettings settings, Clock clock,
            PlatformTransactionManager transactions) {
        this.deliveries = deliveries;
        this.settings = settings;
        this.clock = clock;
        this.separately = new TransactionTemplate(transactions);
        this.separately.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        // A redirect is an answer like any other but 2xx: the endpoint's address is what the admin entered.
        this.http = HttpClient.newBuilder().connectTimeout(settings.getConnectTimeout())
                .followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Transactional
    public void deliver(long deliveryId, String businessKey) {
        if (!WebhookDeliveryProcess.businessKey(deliveryId).equals(businessKey)) {
            throw new IllegalStateException("Process instance " + businessKey + " does not deliver webhook "
                    + deliveryId + "; deliveries are started by the application only.");
        }
        WebhookDelivery delivery = deliveries.findById(deliveryId).orElse(null);
        if (delivery == null || delivery.isDelivered()) {
            return; // its endpoint was deleted, or an earlier attempt got through and only its end was lost
        }
        WebhookEndpoint endpoint = delivery.getEndpoint();
        Long earlier = deliveries.firstEarlierPending(endpoint.getId(), delivery.getSubject(), deliveryId);
        if (earlier != null) {
            throw new WebhookNotDeliveredException("Waits for the earlier event #" + earlier + " of "
                    + delivery.getSubject() + " to reach " + endpoint.getUrl() + " first.");
        }
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(URI.create(endpoint.getUrl()))
                .timeout(settings.getTimeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Onboarding-Webhooks/1")
                .header("webhook-id", delivery.getMessageId())
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", endpoint.signatures(delivery.getMessageId(), timestamp,
                        delivery.getPayload(), now))
                .POST(HttpRequest.BodyPublishers.ofString(delivery.getPayload(), StandardCharsets.UTF_8))
                .build();
        int status;
        try {
            status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (IOException e) {
            throw failed(deliveryId, null, e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), endpoint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw failed(deliveryId, null, "interrupted", endpoint);
        }
        if (status / 100 != 2) {
            throw failed(deliveryId, status, "HTTP " + status, endpoint);
        }
        delivery.delivered(status, now);
    }

    /** The failed attempt stays on record although the step's own transaction rolls back. */
    private WebhookNotDeliveredException failed(long deliveryId, Integer status, String error,
            WebhookEndpoint endpoint) {
        separately.executeWithoutResult(transaction -> deliveries.findById(deliveryId)
                .ifPresent(delivery -> delivery.attempted(status, error, clock.instant())));
        return new WebhookNotDeliveredException(endpoint.getUrl() + " answered " + error);
    }
}
