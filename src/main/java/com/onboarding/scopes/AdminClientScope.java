package com.onboarding.scopes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One client a scoped administrator administers. */
@Entity
@Table(name = "admin_client_scope")
@IdClass(AdminClientScope.Key.class)
public class AdminClientScope {

    public record Key(String adminId, Long clientId) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "admin_id")
    private String adminId;

    @Id
    @Column(name = "client_id")
    private Long clientId;

    protected AdminClientScope() {
    }

    public AdminClientScope(String adminId, Long clientId) {
        this.adminId = adminId;
        this.clientId = clientId;
    }

    public String getAdminId() {
        return adminId;
    }

    public Long getClientId() {
        return clientId;
    }
}
