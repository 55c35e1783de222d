package com.onboarding.admin.scopes;

import com.onboarding.links.StoredLink;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** The single-use link a new administrator sets their password with; only the token's hash is stored. */
@Entity
@Table(name = "admin_setup_link")
public class AdminSetupLink extends StoredLink {

    @Column(name = "admin_id", nullable = false)
    private String adminId;

    @Column(name = "created_by", nullable = false)
    private String createdBy;

    protected AdminSetupLink() {
    }

    AdminSetupLink(String adminId, String tokenHash, String createdBy, Instant now, Instant expiresAt) {
        super(tokenHash, now, expiresAt);
        this.adminId = adminId;
        this.createdBy = createdBy;
    }

    public String getAdminId() {
        return adminId;
    }
}
