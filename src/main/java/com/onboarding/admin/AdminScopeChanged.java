package com.onboarding.admin;

/** A global admin changed which clients an admin administers (published in the transaction of the change). */
public record AdminScopeChanged(String adminId) {
}
