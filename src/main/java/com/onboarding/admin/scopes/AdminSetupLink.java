package com.onboarding.admin.scopes;

import com.onboarding.links.OneTimeLink;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** The single-use link a new administrator sets their password with; only the token's hash is stored. */
@Entity
@Table(name = "admin_setup_link")
public class AdminSetupLink implements OneTimeLink {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "admin_id", nullable = false)
    private String adminId;

    @Column(name = "token_hash", nullable = false)
    private String tokenHash;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    @Column(name = "used_at")
    private Instant usedAt;

    protected AdminSetupLink() {
    }

    AdminSetupLink(String adminId, String tokenHash, String createdBy, Instant now, Instant expiresAt) {
        this.adminId = adminId;
        this.tokenHash = tokenHash;
        this.createdBy = createdBy;
        this.createdAt = now;
        this.expiresAt = expiresAt;
    }

    @Override
    public boolean admits(Instant now) {
        return usedAt == null && now.isBefore(expiresAt);
    }

    /** Used up, or superseded by a newer link. */
    void close(Instant now) {
        if (usedAt == null) {
            usedAt = now;
        }
    }

    public String getAdminId() {
        return adminId;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }
}
