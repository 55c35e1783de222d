package com.onboarding.admin.webhooks;

import com.onboarding.scopes.CurrentAdmin;
import com.onboarding.webhooks.WebhookDelivery;
import com.onboarding.webhooks.WebhookEndpoint;
import com.onboarding.webhooks.WebhookEndpoints;
import com.onboarding.webhooks.WebhookEndpoints.EndpointDetails;
import com.onboarding.webhooks.WebhookEndpoints.WithSecret;
import com.onboarding.webhooks.WebhookEventType;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/webhooks")
@Tag(name = "Webhooks", description = "Global admins: endpoints that receive signed events (Standard Webhooks), and "
        + "their delivery logs")
class WebhooksApi {

    /**
     * An endpoint; {@code pending} (deliveries not yet through) in the list, {@code secret} only in the answer that
     * made it (create, rotate).
     */
    record EndpointBody(Long id, String url, String description, List<String> eventTypes, Boolean enabled,
            Long pending, String secret) {

        static EndpointBody of(WebhookEndpoint endpoint, Long pending, String secret) {
            return new EndpointBody(endpoint.getId(), endpoint.getUrl(), endpoint.getDescription(),
                    endpoint.types().stream().map(WebhookEventType::type).toList(), endpoint.isEnabled(),
                    pending, secret);
        }

        EndpointDetails details() {
            return new EndpointDetails(url, description, eventTypes, enabled);
        }
    }

    record DeliveryBody(long id, String messageId, String eventType, String subject, Instant createdAt,
            Instant deliveredAt, int attempts, Integer lastStatus, String lastError) {

        static DeliveryBody of(WebhookDelivery delivery) {
            return new DeliveryBody(delivery.getId(), delivery.getMessageId(), delivery.getEventType(),
                    delivery.getSubject(), delivery.getCreatedAt(), delivery.getDeliveredAt(), delivery.getAttempts(),
                    delivery.getLastStatus(), delivery.getLastError());
        }
    }

    private final WebhookEndpoints endpoints;
    private final CurrentAdmin currentAdmin;

    WebhooksApi(WebhookEndpoints endpoints, CurrentAdmin currentAdmin) {
        this.endpoints = endpoints;
        this.currentAdmin = currentAdmin;
    }

    @GetMapping
    List<EndpointBody> list() {
        return endpoints.list(currentAdmin.scope()).stream()
                .map(overview -> EndpointBody.of(overview.endpoint(), overview.pending(), null)).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Add an endpoint (https; eventTypes empty: every event); the answer holds its secret, once")
    EndpointBody create(@RequestBody EndpointBody body) {
        WithSecret created = endpoints.create(body.details(), currentAdmin.scope());
        return EndpointBody.of(created.endpoint(), null, created.secret());
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace address, description, events and whether it is enabled")
    EndpointBody change(@PathVariable long id, @RequestBody EndpointBody body) {
        return EndpointBody.of(endpoints.change(id, body.details(), currentAdmin.scope()), null, null);
    }

    @PostMapping("/{id}/rotate-secret")
    @Operation(summary = "A new secret (in the answer, once); the previous one also signs for a day")
    EndpointBody rotate(@PathVariable long id) {
        WithSecret rotated = endpoints.rotateSecret(id, currentAdmin.scope());
        return EndpointBody.of(rotated.endpoint(), null, rotated.secret());
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void delete(@PathVariable long id) {
        endpoints.delete(id, currentAdmin.scope());
    }

    @GetMapping("/{id}/deliveries")
    @Operation(summary = "The endpoint's newest 100 deliveries: event, when, attempts, last answer")
    List<DeliveryBody> deliveries(@PathVariable long id) {
        return endpoints.log(id, currentAdmin.scope()).stream().map(DeliveryBody::of).toList();
    }
}
