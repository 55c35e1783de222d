package com.onboarding.webhooks;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * One event for one endpoint and how its delivery went. The message id ({@code webhook-id}) stays the same on every
 * attempt, so a receiver that got a message twice (a delivery whose answer was lost) can tell.
 */
@Entity
@Table(name = "webhook_delivery")
public class WebhookDelivery {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "endpoint_id")
    private WebhookEndpoint endpoint;

    @Column(name = "message_id", nullable = false)
    private String messageId;

    @Column(name = "event_type", nullable = false)
    private String eventType;

    /** What it is about, e.g. {@code invitation-12}: deliveries of one subject go out in order. */
    @Column(nullable = false)
    private String subject;

    @Column(nullable = false)
    private String payload;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "delivered_at")
    private Instant deliveredAt;

    @Column(nullable = false)
    private int attempts;

    @Column(name = "last_attempt_at")
    private Instant lastAttemptAt;

    @Column(name = "last_status")
    private Integer lastStatus;

    @Column(name = "last_error")
    private String lastError;

    protected WebhookDelivery() {
    }

    WebhookDelivery(WebhookEndpoint endpoint, WebhookEventType type, String subject, String payload, Instant now) {
        this.endpoint = endpoint;
        this.messageId = WebhookSignature.newMessageId();
        this.eventType = type.type();
        this.subject = subject;
        this.payload = payload;
        this.createdAt = now;
    }

    void delivered(int status, Instant now) {
        attempted(status, null, now);
        this.deliveredAt = now;
    }

    void attempted(Integer status, String error, Instant now) {
        this.attempts++;
        this.lastAttemptAt = now;
        this.lastStatus = status;
        this.lastError = error == null || error.length() <= 500 ? error : error.substring(0, 499) + "…";
    }

    public boolean isDelivered() {
        return deliveredAt != null;
    }

    public Long getId() {
        return id;
    }

    public WebhookEndpoint getEndpoint() {
        return endpoint;
    }

    public String getMessageId() {
        return messageId;
    }

    public String getEventType() {
        return eventType;
    }

    public String getSubject() {
        return subject;
    }

    public String getPayload() {
        return payload;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getDeliveredAt() {
        return deliveredAt;
    }

    public int getAttempts() {
        return attempts;
    }

    public Instant getLastAttemptAt() {
        return lastAttemptAt;
    }

    public Integer getLastStatus() {
        return lastStatus;
    }

    public String getLastError() {
        return lastError;
    }
}
