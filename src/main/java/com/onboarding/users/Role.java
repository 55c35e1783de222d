package com.onboarding.users;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;

/** A user role (reference data seeded by a migration). */
@Entity
@Table(name = "app_role")
public class Role extends ReferenceData {

    protected Role() {
    }
}
