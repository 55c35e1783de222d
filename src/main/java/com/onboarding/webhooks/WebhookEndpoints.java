package com.onboarding.webhooks;

import com.onboarding.NotFoundException;
import com.onboarding.PlainText;
import com.onboarding.RejectedRequestException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.Texts;
import com.onboarding.WebAddress;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.engine.EngineActor;
import com.onboarding.scopes.AdminScope;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Global admins' webhook endpoints: add, change, rotate the secret, delete, and the delivery log. The secret is shown
 * once, when it is made; the receiver keeps it to check signatures. Every change is audited.
 */
@Service
public class WebhookEndpoints {

    /**
     * An endpoint as entered: its address, what it is for, the events it receives (none listed: all), whether it
     * receives them now (not said: yes).
     */
    public record EndpointDetails(
            @NotBlank(message = "{webhook.url.required}")
            @WebAddress
            String url,
            @Size(max = WebhookEndpoint.MAX_DESCRIPTION, message = "{webhook.description.tooLong}")
            @PlainText
            String description,
            List<String> eventTypes,
            Boolean enabled) {

        public EndpointDetails {
            url = url == null ? null : url.strip();
            description = description == null || description.isBlank() ? null : description.strip();
            eventTypes = eventTypes == null ? List.of() : eventTypes;
            enabled = enabled == null || enabled;
        }
    }

    /** An endpoint with its secret, the one time it is shown. */
    public record WithSecret(WebhookEndpoint endpoint, String secret) {
    }

    /** An endpoint's row in the log: what is waiting and what failed. */
    public record Overview(WebhookEndpoint endpoint, long pending) {
    }

    private static final int LOG_SIZE = 100;

    private final WebhookEndpointRepository endpoints;
    private final WebhookDeliveryRepository deliveries;
    private final WebhookSettings settings;
    private final Validator validator;
    private final AuditLog audit;
    private final Clock clock;
    private final Texts texts;
    private final RuntimeService runtime;
    private final EngineActor engineActor;

    WebhookEndpoints(WebhookEndpointRepository endpoints, WebhookDeliveryRepository deliveries,
            WebhookSettings settings, Validator validator, AuditLog audit, Clock clock, Texts texts,
            RuntimeService runtime, EngineActor engineActor) {
        this.endpoints = endpoints;
        this.deliveries = deliveries;
        this.settings = settings;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
        this.texts = texts;
        this.runtime = runtime;
        this.engineActor = engineActor;
    }

    @Transactional(readOnly = true)
    public List<Overview> list(AdminScope scope) {
        requireGlobal(scope);
        return endpoints.findAllByOrderByIdAsc().stream()
                .map(endpoint -> new Overview(endpoint, deliveries.countByEndpointIdAndDeliveredAtIsNull(endpoint.getId())))
                .toList();
    }

    @Transactional(readOnly = true)
    public WebhookEndpoint get(long id, AdminScope scope) {
        requireGlobal(scope);
        return find(id);
    }

    /** The newest deliveries first, at most 100. */
    @Transactional(readOnly = true)
    public List<WebhookDelivery> log(long id, AdminScope scope) {
        requireGlobal(scope);
        find(id);
        return deliveries.findByEndpointIdOrderByIdDesc(id, PageRequest.of(0, LOG_SIZE));
    }

    @Transactional
    public WithSecret create(EndpointDetails details, AdminScope scope) {
        requireGlobal(scope);
        WebhookEndpoint endpoint = new WebhookEndpoint(scope.adminId(), clock.instant(), WebhookSignature.newSecret());
        apply(details, endpoint);
        endpoint = endpoints.save(endpoint);
        audit.record(scope.adminId(), AuditAction.WEBHOOK_ENDPOINT_CREATED, null, describe(endpoint));
        return new WithSecret(endpoint, endpoint.getSecret());
    }

    /** Replaces address, description, events and whether it is on; deliveries already queued still go out. */
    @Transactional
    public WebhookEndpoint change(long id, EndpointDetails details, AdminScope scope) {
        requireGlobal(scope);
        WebhookEndpoint endpoint = find(id);
        apply(details, endpoint);
        audit.record(scope.adminId(), AuditAction.WEBHOOK_ENDPOINT_CHANGED, null, describe(endpoint));
        return endpoint;
    }

    /** A new secret; the previous one signs beside it for onboarding.webhooks.secret-overlap (default 1 day). */
    @Transactional
    public WithSecret rotateSecret(long id, AdminScope scope) {
        requireGlobal(scope);
        WebhookEndpoint endpoint = find(id);
        endpoint.rotate(WebhookSignature.newSecret(), clock.instant(), settings.getSecretOverlap());
        audit.record(scope.adminId(), AuditAction.WEBHOOK_SECRET_ROTATED, null,
                describe(endpoint) + ", previous secret signs until " + endpoint.getPreviousSecretUntil());
        return new WithSecret(endpoint, endpoint.getSecret());
    }

    /** The endpoint and its log; deliveries still waiting are not sent, and their instances end here. */
    @Transactional
    public void delete(long id, AdminScope scope) {
        requireGlobal(scope);
        WebhookEndpoint endpoint = find(id);
        Set<String> waiting = deliveries.pendingIds(id).stream().map(WebhookDeliveryProcess::businessKey)
                .collect(Collectors.toSet());
        if (!waiting.isEmpty()) {
            // One query for the running deliveries (the engine has no query by a set of business keys).
            engineActor.runAs(scope.adminId(), () -> {
                List<String> instances = runtime.createProcessInstanceQuery()
                        .processDefinitionKey(WebhookDeliveryProcess.KEY).list().stream()
                        .filter(instance -> waiting.contains(instance.getBusinessKey()))
                        .map(instance -> instance.getId()).toList();
                runtime.deleteProcessInstances(instances, "webhook endpoint " + id + " deleted", true, true);
                return null;
            });
        }
        audit.record(scope.adminId(), AuditAction.WEBHOOK_ENDPOINT_DELETED, null, describe(endpoint));
        endpoints.delete(endpoint);
    }

    /** Only global admins manage webhooks; everyone else is refused before a form shows. */
    public void requireGlobal(AdminScope scope) {
        scope.requireGlobal("manage webhooks");
    }

    /** The details, checked, onto the endpoint. */
    private void apply(EndpointDetails details, WebhookEndpoint endpoint) {
        endpoint.change(details.url(), details.description(), check(details), details.enabled());
    }

    private Set<WebhookEventType> check(EndpointDetails details) {
        List<Problem> problems = new ArrayList<>(RejectedRequestException.problems(validator.validate(details)));
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        for (String type : details.eventTypes()) {
            WebhookEventType.of(type == null ? "" : type.strip()).ifPresentOrElse(types::add,
                    () -> problems.add(new Problem("eventTypes", texts.of("webhook.eventType.unknown", type))));
        }
        if (!problems.isEmpty()) {
            throw new RejectedRequestException(texts.of("webhook.notSaved"), problems);
        }
        return types;
    }

    private WebhookEndpoint find(long id) {
        return endpoints.findById(id).orElseThrow(() -> new NotFoundException("Webhook", id));
    }

    private static String describe(WebhookEndpoint endpoint) {
        return "endpoint " + endpoint.getId() + " " + endpoint.getUrl();
    }
}
