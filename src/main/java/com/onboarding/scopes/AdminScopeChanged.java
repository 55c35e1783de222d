package com.onboarding.scopes;

/** A global admin changed which clients an admin administers (published in the transaction of the change). */
public record AdminScopeChanged(String adminId) {
}
