package com.onboarding.users;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** An additional permission on top of a role (reference data seeded by a migration). */
@Entity
@Table(name = "app_permission")
public class Permission extends ReferenceData {

    protected Permission() {
    }
}
