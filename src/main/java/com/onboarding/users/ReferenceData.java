package com.onboarding.users;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.Collection;

/**
 * Roles and permissions: seeded by a migration, identified by a stable code, named for people. A sensitive one is
 * granted only with a second global admin's approval (four-eyes).
 */
@MappedSuperclass
public abstract class ReferenceData {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Column(nullable = false)
    private boolean sensitive;

    public String getCode() {
        return code;
    }

    public String getName() {
        return name;
    }

    public String getDescription() {
        return description;
    }

    public boolean isSensitive() {
        return sensitive;
    }

    /** Four-eyes: whether this role or any of these permissions is sensitive, so a second admin has to approve. */
    public static boolean needsApproval(Role role, Collection<Permission> permissions) {
        return (role != null && role.isSensitive()) || permissions.stream().anyMatch(Permission::isSensitive);
    }
}
