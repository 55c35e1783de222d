package com.onboarding.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.scopes.AdminScope;
import com.onboarding.admin.AdminTestSupport;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditEvent;
import com.onboarding.audit.AuditEventRepository;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.tasklist.InviteUserProcess;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The Camunda grants follow the scopes and the groups, after every change, and survive a database without them. */
class GrantsTest extends AdminTestSupport {

    @Autowired
    AuthorizationService authorizations;
    @Autowired
    CamundaGrants grants;
    @Autowired
    AuditEventRepository audit;

    String admin;

    boolean may(Permission permission, Resource resource, String resourceId) {
        List<String> groups = identity.createGroupQuery().groupMember(admin).list().stream().map(g -> g.getId()).toList();
        return authorizations.isUserAuthorized(admin, groups, permission, resource, resourceId);
    }

    void newAdmin() {
        admin = "grants" + uniqueEmail().substring(5, 13);
        User user = identity.newUser(admin);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
    }

    boolean tasklist() {
        return may(Permissions.ACCESS, Resources.APPLICATION, "tasklist");
    }

    boolean startsInviteUser() {
        return may(ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, InviteUserProcess.KEY)
                && may(Permissions.CREATE, Resources.PROCESS_INSTANCE, "new-instance");
    }

    boolean cockpit() {
        return may(Permissions.ACCESS, Resources.APPLICATION, "cockpit");
    }

    boolean readsInvitations() {
        return may(ProcessDefinitionPermissions.READ_INSTANCE, Resources.PROCESS_DEFINITION, InvitationProcess.KEY);
    }

    @Test
    void grantsFollowTheScopeAndTheGroups_afterEachChange() {
        newAdmin();
        assertThat(tasklist()).as("no scope: nothing").isFalse();
        assertThat(startsInviteUser()).isFalse();

        adminScopes.update(admin, List.of(acme()), List.of(), AdminScope.global("demo"));
        assertThat(tasklist()).as("a client: Tasklist").isTrue();
        assertThat(startsInviteUser()).isTrue();
        assertThat(may(ProcessDefinitionPermissions.CREATE_INSTANCE, Resources.PROCESS_DEFINITION, InvitationProcess.KEY))
                .as("but never an invitation process directly").isFalse();
        assertThat(cockpit()).isFalse();
        assertThat(may(Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
        assertThat(readsInvitations()).isFalse();
        assertThat(may(Permissions.CREATE, Resources.GROUP_MEMBERSHIP, AdminScope.GLOBAL_GROUP)).isFalse();
        assertThat(may(Permissions.UPDATE, Resources.USER, "demo")).isFalse();

        adminScopes.update(admin, List.of(), List.of(), AdminScope.global("demo"));
        assertThat(tasklist()).as("scope emptied: nothing again").isFalse();
        assertThat(startsInviteUser()).isFalse();

        identity.createMembership(admin, CamundaGrants.PROCESS_OWNERS);
        assertThat(cockpit()).as("process owner: Cockpit").isTrue();
        assertThat(readsInvitations()).isTrue();
        assertThat(may(ProcessDefinitionPermissions.READ_HISTORY, Resources.PROCESS_DEFINITION, InvitationProcess.KEY)).isTrue();
        assertThat(may(ProcessDefinitionPermissions.RETRY_JOB, Resources.PROCESS_DEFINITION, InvitationProcess.KEY)).isTrue();
        assertThat(may(ProcessDefinitionPermissions.DELETE_INSTANCE, Resources.PROCESS_DEFINITION, InvitationProcess.KEY))
                .as("read-only").isFalse();
        assertThat(may(ProcessDefinitionPermissions.UPDATE_INSTANCE, Resources.PROCESS_DEFINITION, InvitationProcess.KEY))
                .isFalse();
        assertThat(tasklist()).isFalse();
        identity.deleteMembership(admin, CamundaGrants.PROCESS_OWNERS);
        assertThat(cockpit()).isFalse();

        identity.createMembership(admin, AdminScope.GLOBAL_GROUP);
        assertThat(may(Permissions.ALL, Resources.AUTHORIZATION, "anything")).as("global: everything").isTrue();
        assertThat(cockpit()).isTrue();
        identity.deleteMembership(admin, AdminScope.GLOBAL_GROUP);
        assertThat(cockpit()).isFalse();
    }

    @Test
    void aDeletedAdminLeavesNoGrantsNorScope_soANewAccountWithTheSameIdStartsWithNothing() {
        newAdmin();
        adminScopes.update(admin, List.of(acme()), List.of("VIEW_REPORTS"), AdminScope.global("demo"));
        assertThat(tasklist()).isTrue();

        identity.deleteUser(admin);

        assertThat(authorizations.createAuthorizationQuery().userIdIn(admin).count()).isZero();
        assertThat(adminScopes.hasClients(admin)).isFalse();
        User again = identity.newUser(admin);
        again.setPassword(PASSWORD);
        identity.saveUser(again);
        assertThat(tasklist()).isFalse();
        assertThat(audit.findBySubjectAdminIdOrderByOccurredAtAsc(admin)).extracting(AuditEvent::getAction)
                .containsSubsequence(AuditAction.ADMIN_CREATED, AuditAction.ADMIN_SCOPE_CHANGED,
                        AuditAction.ADMIN_DELETED, AuditAction.ADMIN_CREATED);
    }

    @Test
    void aDatabaseThatRanWithoutAuthorizationsGetsTheGrantsAtStartUp() {
        newAdmin();
        adminScopes.update(admin, List.of(acme()), List.of(), AdminScope.global("demo"));
        // As if the database came from a version without authorizations: no grants at all.
        for (Authorization authorization : authorizations.createAuthorizationQuery().groupIdIn(AdminScope.GLOBAL_GROUP,
                CamundaGrants.PROCESS_OWNERS).list()) {
            authorizations.deleteAuthorization(authorization.getId());
        }
        authorizations.createAuthorizationQuery().userIdIn(admin).list().stream()
                .filter(a -> a.getResourceType() != Resources.USER.resourceType())
                .forEach(a -> authorizations.deleteAuthorization(a.getId()));
        assertThat(tasklist()).isFalse();

        grants.afterSingletonsInstantiated();

        assertThat(tasklist()).isTrue();
        assertThat(authorizations.isUserAuthorized("demo", List.of(AdminScope.GLOBAL_GROUP), Permissions.ALL,
                Resources.DEPLOYMENT, "any")).isTrue();
        assertThat(authorizations.isUserAuthorized("someone", List.of(CamundaGrants.PROCESS_OWNERS),
                Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
        // Running it again changes nothing (idempotent, e.g. at every restart).
        long count = authorizations.createAuthorizationQuery().count();
        grants.afterSingletonsInstantiated();
        assertThat(authorizations.createAuthorizationQuery().count()).isEqualTo(count);
    }

    @Test
    void theGlobalGroupIsNamedForWhatItIs_unlessAnOperatorRenamedIt() {
        assertThat(globalGroup().getName()).isEqualTo("Administrators of all clients");

        renameGlobalGroup("camunda BPM Administrators"); // a database the starter named
        grants.afterSingletonsInstantiated();
        assertThat(globalGroup().getName()).isEqualTo("Administrators of all clients");

        renameGlobalGroup("Head office");
        try {
            grants.afterSingletonsInstantiated();
            assertThat(globalGroup().getName()).isEqualTo("Head office");
        } finally {
            renameGlobalGroup("Administrators of all clients");
        }
    }

    private org.camunda.bpm.engine.identity.Group globalGroup() {
        return processEngine.getIdentityService().createGroupQuery().groupId(AdminScope.GLOBAL_GROUP).singleResult();
    }

    private void renameGlobalGroup(String name) {
        org.camunda.bpm.engine.identity.Group group = globalGroup();
        group.setName(name);
        processEngine.getIdentityService().saveGroup(group);
    }
}
