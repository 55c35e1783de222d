package com.onboarding.webhooks;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onboarding.engine.EngineActor;
import com.onboarding.invitation.InvitationEvent;
import com.onboarding.users.UserEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Turns what happened into deliveries: for each endpoint that receives the event, a row and a process instance that
 * delivers it, in the transaction that made the event happen (rolled back with it, or committed with it: nothing
 * is lost, nothing announced that did not happen). The payload follows the Standard Webhooks shape
 * ({@code type}, {@code timestamp}, {@code data}) and carries ids only.
 */
@Component
class WebhookQueue {

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final RuntimeService runtime;
    private final EngineActor engineActor;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookQueue(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries, RuntimeService runtime,
            EngineActor engineActor, ObjectMapper json, Clock clock) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.runtime = runtime;
        this.engineActor = engineActor;
        this.json = json;
        this.clock = clock;
    }

    @EventListener
    void on(InvitationEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("invitationId", event.invitationId());
        data.put("userId", event.userId());
        data.put("clientIds", event.clientIds());
        enqueue(WebhookEventType.of(event.kind()), "invitation-" + event.invitationId(), data);
    }

    @EventListener
    void on(UserEvent event) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("userId", event.userId());
        data.put("clientIds", event.clientIds());
        enqueue(WebhookEventType.of(event.kind()), "user-" + event.userId(), data);
    }

    private void enqueue(WebhookEventType type, String subject, Map<String, Object> data) {
        List<WebhookEndpoint> receivers = endpoints.findByEnabledTrue().stream()
                .filter(endpoint -> endpoint.receives(type)).toList();
        if (receivers.isEmpty()) {
            return;
        }
        Instant now = clock.instant();
        String payload = payload(type, now, data);
        for (WebhookEndpoint endpoint : receivers) {
            WebhookDelivery delivery = deliveries.save(new WebhookDelivery(endpoint, type, subject, payload, now));
            // The delivery is the application's own step, whoever caused the event: no grant of the actor needed.
            engineActor.runAs(engineActor.current().orElse(null), () -> runtime
                    .createProcessInstanceByKey(WebhookDeliveryProcess.KEY)
                    .businessKey(WebhookDeliveryProcess.businessKey(delivery.getId()))
                    .setVariable(WebhookDeliveryProcess.DELIVERY_ID.name(), delivery.getId())
                    .execute());
        }
    }

    private String payload(WebhookEventType type, Instant now, Map<String, Object> data) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", type.type());
        body.put("timestamp", now.toString());
        body.put("data", data);
        try {
            return json.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("ids and strings only", e);
        }
    }
}
