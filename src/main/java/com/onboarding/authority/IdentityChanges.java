package com.onboarding.authority;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.security.RecentSignIns;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Camunda identity changes, from Camunda Admin, /engine-rest or code: each lands in the audit log (and so in the
 * administrator's security report); a deleted Camunda user loses their scope and every grant, so that a new
 * account with the same id starts with nothing.
 */
@Component
class IdentityChanges implements IdentityChangeListener {

    private final AuditLog audit;
    private final ObjectProvider<AdminScopes> scopes;
    private final ObjectProvider<CamundaGrants> grants;
    private final RecentSignIns recentSignIns;

    // Changes arrive while the engine is still being built (the first administrator): scopes and grants need the
    // engine, so they are looked up when a user is deleted.
    IdentityChanges(AuditLog audit, ObjectProvider<AdminScopes> scopes, ObjectProvider<CamundaGrants> grants,
            RecentSignIns recentSignIns) {
        this.audit = audit;
        this.scopes = scopes;
        this.grants = grants;
        this.recentSignIns = recentSignIns;
    }

    @Override
    public void userCreated(String actor, String userId) {
        audit.recordAboutAdmin(actor, AuditAction.ADMIN_CREATED, userId, null);
    }

    @Override
    public void userChanged(String actor, String userId, boolean passwordChanged) {
        recentSignIns.forgetAll();
        audit.recordAboutAdmin(actor, passwordChanged ? AuditAction.ADMIN_PASSWORD_CHANGED : AuditAction.ADMIN_CHANGED,
                userId, null);
    }

    @Override
    public void userDeleted(String actor, String userId) {
        recentSignIns.forgetAll();
        scopes.getObject().forget(userId);
        grants.getObject().revokeAll(userId);
        audit.recordAboutAdmin(actor, AuditAction.ADMIN_DELETED, userId, null);
    }

    @Override
    public void membershipCreated(String actor, String userId, String groupId) {
        recentSignIns.forgetAll();
        audit.recordAboutAdmin(actor, AuditAction.ADMIN_GROUP_JOINED, userId, "group " + groupId);
    }

    @Override
    public void membershipDeleted(String actor, String userId, String groupId) {
        recentSignIns.forgetAll();
        audit.recordAboutAdmin(actor, AuditAction.ADMIN_GROUP_LEFT, userId, "group " + groupId);
    }

    @Override
    public void groupCreated(String actor, String groupId) {
        audit.recordAboutAdmin(actor, AuditAction.GROUP_CREATED, null, "group " + groupId);
    }

    @Override
    public void groupDeleted(String actor, String groupId) {
        recentSignIns.forgetAll();
        audit.recordAboutAdmin(actor, AuditAction.GROUP_DELETED, null, "group " + groupId);
    }
}
