package com.onboarding.providers;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A user's account at their client's identity provider: the provider's issuer and subject (see V16). */
@Entity
@Table(name = "provider_identity")
class ProviderIdentity {

    @Id
    @Column(name = "user_id")
    private Long userId;

    @Column(name = "client_id", nullable = false)
    private Long clientId;

    @Column(nullable = false)
    private String issuer;

    @Column(nullable = false)
    private String subject;

    @Column(name = "linked_at", nullable = false)
    private Instant linkedAt;

    protected ProviderIdentity() {
    }

    ProviderIdentity(long userId, long clientId, String issuer, String subject, Instant linkedAt) {
        this.userId = userId;
        this.clientId = clientId;
        this.issuer = issuer;
        this.subject = subject;
        this.linkedAt = linkedAt;
    }

    Long getUserId() {
        return userId;
    }

    Long getClientId() {
        return clientId;
    }
}
