package com.onboarding.authority;

/**
 * What happens to Camunda's users, groups and memberships, whoever does it: Camunda Admin, /engine-rest or the
 * Java API. {@link AuditedIdentityProvider} reports every change here, inside the engine command that makes it.
 * The actor is the engine's authenticated user at that moment (null when the system itself acts, e.g. creating
 * the first administrator at start-up).
 */
interface IdentityChangeListener {

    void userCreated(String actor, String userId);

    void userChanged(String actor, String userId, boolean passwordChanged);

    void userDeleted(String actor, String userId);

    void membershipCreated(String actor, String userId, String groupId);

    void membershipDeleted(String actor, String userId, String groupId);

    void groupCreated(String actor, String groupId);

    void groupDeleted(String actor, String groupId);
}
