package com.onboarding.scopes;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One permission a scoped administrator may grant. */
@Entity
@Table(name = "admin_permission_scope")
@IdClass(AdminPermissionScope.Key.class)
public class AdminPermissionScope {

    public record Key(String adminId, String permissionCode) implements Serializable {
        public Key() {
            this(null, null);
        }
    }

    @Id
    @Column(name = "admin_id")
    private String adminId;

    @Id
    @Column(name = "permission_code")
    private String permissionCode;

    protected AdminPermissionScope() {
    }

    public AdminPermissionScope(String adminId, String permissionCode) {
        this.adminId = adminId;
        this.permissionCode = permissionCode;
    }

    public String getAdminId() {
        return adminId;
    }

    public String getPermissionCode() {
        return permissionCode;
    }
}
