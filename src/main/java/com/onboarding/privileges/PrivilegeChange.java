package com.onboarding.privileges;

import com.onboarding.users.Permission;
import com.onboarding.users.Role;
import com.onboarding.users.UserAccount;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.JoinTable;
import jakarta.persistence.ManyToMany;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * An admin's edit that grants a sensitive role or permission (four-eyes): the role and permissions the user is to
 * have, applied only when another global admin approves.
 */
@Entity
@Table(name = "privilege_change")
public class PrivilegeChange {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount user;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "role_code")
    private Role role;

    @ManyToMany(fetch = FetchType.EAGER)
    @JoinTable(name = "privilege_change_permission", joinColumns = @JoinColumn(name = "change_id"),
            inverseJoinColumns = @JoinColumn(name = "permission_code"))
    private Set<Permission> permissions = new LinkedHashSet<>();

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private PrivilegeChangeStatus status;

    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    @Version
    private long version;

    protected PrivilegeChange() {
    }

    PrivilegeChange(UserAccount user, Role role, Set<Permission> permissions, String requestedBy, Instant now) {
        this.user = user;
        this.role = role;
        this.permissions = new LinkedHashSet<>(permissions);
        this.requestedBy = requestedBy;
        this.status = PrivilegeChangeStatus.PENDING;
        this.createdAt = now;
    }

    /** Approved: the user gets the requested role and permissions now. */
    public void approve(String approver, Instant now) {
        close(PrivilegeChangeStatus.APPROVED, approver, now);
        user.grant(role, permissions);
    }

    public void reject(String approver, String reason, Instant now) {
        close(PrivilegeChangeStatus.REJECTED, approver, now);
        this.rejectionReason = reason;
    }

    void withdraw(String actor, Instant now) {
        close(PrivilegeChangeStatus.WITHDRAWN, actor, now);
    }

    private void close(PrivilegeChangeStatus finalStatus, String actor, Instant now) {
        if (status != PrivilegeChangeStatus.PENDING) {
            throw new IllegalStateException("Privilege change " + id + " is already " + status);
        }
        this.status = finalStatus;
        this.decidedBy = actor;
        this.closedAt = now;
    }

    public void linkToProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Long getId() {
        return id;
    }

    public UserAccount getUser() {
        return user;
    }

    public String getRequestedBy() {
        return requestedBy;
    }

    public Role getRole() {
        return role;
    }

    public Set<Permission> getPermissions() {
        return permissions;
    }

    public PrivilegeChangeStatus getStatus() {
        return status;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }
}
