package com.onboarding.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.stream.Collectors;

/** A system that receives the events it subscribed to, signed with its secret. */
@Entity
@Table(name = "webhook_endpoint")
public class WebhookEndpoint {

    public static final int MAX_DESCRIPTION = 200;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false)
    private String url;

    private String description;

    /** Comma-separated types; empty: every type. */
    @Column(name = "event_types", nullable = false)
    private String eventTypes;

    @Column(nullable = false)
    private String secret;

    @Column(name = "previous_secret")
    private String previousSecret;

    @Column(name = "previous_secret_until")
    private Instant previousSecretUntil;

    @Column(nullable = false)
    private boolean enabled;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Version
    private long version;

    protected WebhookEndpoint() {
    }

    WebhookEndpoint(String createdBy, Instant now, String secret) {
        this.createdBy = createdBy;
        this.createdAt = now;
        this.secret = secret;
        this.enabled = true;
        this.eventTypes = "";
    }

    void change(String url, String description, Collection<WebhookEventType> types, boolean enabled) {
        this.url = url;
        this.description = description;
        this.eventTypes = types.stream().sorted().distinct().map(WebhookEventType::type)
                .collect(Collectors.joining(","));
        this.enabled = enabled;
    }

    /** A new secret signs from now on; the old one signs too for {@code overlap}, so receivers can switch. */
    void rotate(String newSecret, Instant now, Duration overlap) {
        this.previousSecret = secret;
        this.previousSecretUntil = now.plus(overlap);
        this.secret = newSecret;
    }

    boolean receives(WebhookEventType type) {
        return enabled && (eventTypes.isEmpty() || types().contains(type));
    }

    /** The {@code webhook-signature} header: one signature per secret that signs at this instant. */
    String signatures(String messageId, long timestamp, String body, Instant now) {
        List<String> signatures = new ArrayList<>();
        signatures.add(WebhookSignature.sign(secret, messageId, timestamp, body));
        if (previousSecret != null && now.isBefore(previousSecretUntil)) {
            signatures.add(WebhookSignature.sign(previousSecret, messageId, timestamp, body));
        }
        return String.join(" ", signatures);
    }

    /** The subscribed types in the order of the lifecycle; empty: every type. */
    public List<WebhookEventType> types() {
        return eventTypes.isEmpty() ? List.of() : Arrays.stream(eventTypes.split(","))
                .map(type -> WebhookEventType.of(type).orElseThrow()).sorted().toList();
    }

    public Long getId() {
        return id;
    }

    public String getUrl() {
        return url;
    }

    public String getDescription() {
        return description;
    }

    public boolean isEnabled() {
        return enabled;
    }

    public String getCreatedBy() {
        return createdBy;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getPreviousSecretUntil() {
        return previousSecretUntil;
    }

    /** Shown to a global admin once, when created or rotated; the receiver needs it to check signatures. */
    String getSecret() {
        return secret;
    }
}
