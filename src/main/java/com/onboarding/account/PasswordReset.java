package com.onboarding.account;

import com.onboarding.links.OneTimeLink;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserStatus;
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

/** A single-use password reset link; only the token's hash is stored. */
@Entity
@Table(name = "password_reset")
public class PasswordReset implements OneTimeLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount user;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected PasswordReset() {
    }

    PasswordReset(UserAccount user, String tokenHash, String requestedBy, Instant now, Instant expiresAt) {
        this.user = user;
        this.tokenHash = tokenHash;
        this.requestedBy = requestedBy;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    /** Unused, not expired, and the user still active. */
    @Override
    public boolean admits(Instant now) {
        return usedAt == null && now.isBefore(expiresAt) && user.getStatus() == UserStatus.ACTIVE;
    }

    /** Used up, or superseded by a newer link. */
    void close(Instant now) {
        if (usedAt == null) {
            usedAt = now;
        }
    }

    public UserAccount getUser() {
        return user;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
