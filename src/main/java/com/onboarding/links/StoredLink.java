package com.onboarding.links;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * A single-use link kept in a table of its own (a password reset, an administrator's set-up): only the token's hash,
 * when it was made, until when it works, and when it was used up or superseded.
 */
@MappedSuperclass
public abstract class StoredLink implements OneTimeLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected StoredLink() {
    }

    protected StoredLink(String tokenHash, Instant now, Instant expiresAt) {
        this.tokenHash = tokenHash;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Unused and not expired; a kind of link may ask more (its user still active). */
    @Override
    public boolean admits(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Used up, or superseded by a newer link. */
    public void close(Instant now) {
        if (usedAt == null) {
            usedAt = now;
        }
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
