package com.onboarding.authority;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import com.onboarding.admin.selection.process.UserSelectionProcess;
import com.onboarding.approval.ApprovalProcess;
import com.onboarding.bulk.BulkInvitationProcess;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.newlink.NewLinkRequestProcess;
import com.onboarding.privileges.PrivilegeChangeProcess;
import com.onboarding.scopes.AdminScopeChanged;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.security.Roles;
import com.onboarding.tasklist.InviteUserProcess;
import java.util.Arrays;
import java.util.List;
import com.onboarding.webhooks.WebhookDeliveryProcess;
import com.onboarding.scopes.AdminScope;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Camunda side of the authority model, granted from the same data as the admin scopes. The application is the
 * one place that grants these; they are set at start-up (also on a database that ran without authorizations) and
 * kept in step whenever a scope changes or a Camunda user is deleted:
 * <ul>
 *   <li><b>global admins</b> ({@code camunda-admin}): everything, on every resource;</li>
 *   <li><b>scoped admins</b> (a Camunda user with at least one client in their scope): Tasklist only; they may start
 *       "Invite user" and read the task filter; the task "Enter user data" is theirs by the engine's default
 *       authorization for assignees. Nothing in Cockpit or Camunda Admin, nothing on other instances, tasks,
 *       variables, messages, users, groups or memberships;</li>
 *   <li><b>process owners</b> ({@value #PROCESS_OWNERS}): Cockpit, read-only on the onboarding processes (instances,
 *       incidents, history), and they may retry failed jobs.</li>
 * </ul>
 * Group grants follow group membership by themselves, so adding someone to a group in Camunda Admin needs no step
 * here; user grants follow the scope only, whatever the user's groups.
 */
@Component
public class CamundaGrants implements SmartInitializingSingleton {

    public static final String PROCESS_OWNERS = Roles.PROCESS_OWNERS;
    /** The starter's task filter (camunda.bpm.filter.create); authorized queries show each admin only their tasks. */
    static final String TASK_FILTER = "All tasks";
    /** The global group's name, as Tasklist shows it beside the approvals. */
    static final String GLOBAL_GROUP_NAME = "Administrators of all clients";
    private static final String STARTERS_GROUP_NAME = "camunda BPM Administrators";

    /** A set of permissions on one resource. */
    record Grant(Resource resource, String resourceId, Permission... permissions) {

        int bits() {
            return Arrays.stream(permissions).mapToInt(Permission::getValue).reduce(0, (a, b) -> a | b);
        }
    }

    static final List<Grant> PROCESS_OWNER_GRANTS = List.of(
            new Grant(Resources.APPLICATION, "cockpit", Permissions.ACCESS),
            readOnlyWithRetries(InvitationProcess.KEY),
            readOnlyWithRetries(InviteUserProcess.KEY),
            readOnlyWithRetries(PrivilegeChangeProcess.KEY),
            readOnlyWithRetries(ApprovalProcess.KEY),
            readOnlyWithRetries(BulkInvitationProcess.KEY),
            readOnlyWithRetries(UserSelectionProcess.KEY),
            readOnlyWithRetries(WebhookDeliveryProcess.KEY),
            // Instances and incidents, not the tasks (named after the invitee) nor their history.
            new Grant(Resources.PROCESS_DEFINITION, NewLinkRequestProcess.KEY, ProcessDefinitionPermissions.READ,
                    ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.RETRY_JOB));

    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final FilterService filters;
    private final AdminScopes scopes;
    private final TransactionTemplate transaction;

    CamundaGrants(AuthorizationService authorizations, IdentityService identity, FilterService filters,
            AdminScopes scopes, TransactionTemplate transaction) {
        this.authorizations = authorizations;
        this.identity = identity;
        this.filters = filters;
        this.scopes = scopes;
        this.transaction = transaction;
    }

    private static Grant readOnlyWithRetries(String processKey) {
        return new Grant(Resources.PROCESS_DEFINITION, processKey, ProcessDefinitionPermissions.READ,
                ProcessDefinitionPermissions.READ_INSTANCE, ProcessDefinitionPermissions.READ_HISTORY,
                ProcessDefinitionPermissions.RETRY_JOB);
    }

    /** What a scoped admin holds; {@link #syncAdmin} removes exactly these from an admin without clients. */
    List<Grant> scopedAdminGrants() {
        Filter filter = filters.createFilterQuery().filterName(TASK_FILTER).singleResult();
        return List.of(
                new Grant(Resources.APPLICATION, "tasklist", Permissions.ACCESS),
                new Grant(Resources.PROCESS_DEFINITION, InviteUserProcess.KEY,
                        ProcessDefinitionPermissions.READ, ProcessDefinitionPermissions.CREATE_INSTANCE),
                // Starting needs CREATE here and CREATE_INSTANCE on the definition: only "Invite user" is startable.
                new Grant(Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE),
                new Grant(Resources.FILTER, filter == null ? null : filter.getId(), Permissions.READ));
    }

    @Override
    public void afterSingletonsInstantiated() {
        transaction.executeWithoutResult(status -> {
            ensureGroup(AdminScope.GLOBAL_GROUP, GLOBAL_GROUP_NAME, Groups.GROUP_TYPE_SYSTEM);
            renameStartersGroup();
            for (Resources resource : Resources.values()) {
                setGroup(AdminScope.GLOBAL_GROUP, new Grant(resource, ANY, Permissions.ALL));
            }
            adoptEngineAdmins();
            ensureGroup(PROCESS_OWNERS, "Process owners (Cockpit, read-only)", Groups.GROUP_TYPE_WORKFLOW);
            PROCESS_OWNER_GRANTS.forEach(grant -> setGroup(PROCESS_OWNERS, grant));
            identity.createUserQuery().list().stream().map(User::getId).forEach(this::syncAdmin);
        });
    }

    /**
     * Camunda's starter names the group "camunda BPM Administrators", and Tasklist shows that name as the candidate
     * group of every approval, on Operaton too. A name an operator chose in Camunda Admin stays.
     */
    private void renameStartersGroup() {
        Group group = identity.createGroupQuery().groupId(AdminScope.GLOBAL_GROUP).singleResult();
        if (STARTERS_GROUP_NAME.equals(group.getName())) {
            group.setName(GLOBAL_GROUP_NAME);
            identity.saveGroup(group);
        }
    }

    /**
     * The product's global group is camunda-admin on both engines, so that a database carries over as it is. Operaton
     * names its own group operaton-admin (its starter puts the configured admin user there; the Operaton build
     * rewrites the constant below): its members become global administrators too.
     */
    private void adoptEngineAdmins() {
        String enginesOwnGroup = Groups.CAMUNDA_ADMIN;
        if (enginesOwnGroup.equals(AdminScope.GLOBAL_GROUP)) {
            return;
        }
        for (User admin : identity.createUserQuery().memberOfGroup(enginesOwnGroup).list()) {
            if (identity.createUserQuery().userId(admin.getId()).memberOfGroup(AdminScope.GLOBAL_GROUP).count() == 0) {
                identity.createMembership(admin.getId(), AdminScope.GLOBAL_GROUP);
            }
        }
    }

    @EventListener
    void scopeChanged(AdminScopeChanged event) {
        syncAdmin(event.adminId());
    }

    /** Gives the admin the scoped admin's grants if their scope names a client, and takes them away if not. */
    public void syncAdmin(String adminId) {
        boolean scoped = scopes.hasClients(adminId);
        for (Grant grant : scopedAdminGrants()) {
            if (grant.resourceId() != null) {
                setUser(adminId, grant, scoped ? grant.bits() : 0);
            }
        }
    }

    /** A deleted Camunda user keeps no grants: a new account with the same id starts with nothing. */
    void revokeAll(String userId) {
        authorizations.createAuthorizationQuery().userIdIn(userId).list()
                .forEach(authorization -> authorizations.deleteAuthorization(authorization.getId()));
    }

    private void ensureGroup(String groupId, String name, String type) {
        if (identity.createGroupQuery().groupId(groupId).count() == 0) {
            Group group = identity.newGroup(groupId);
            group.setName(name);
            group.setType(type);
            identity.saveGroup(group);
        }
    }

    private void setGroup(String groupId, Grant grant) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .groupIdIn(groupId).resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
        save(existing, null, groupId, grant, grant.bits());
    }

    private void setUser(String userId, Grant grant, int bits) {
        Authorization existing = authorizations.createAuthorizationQuery().authorizationType(AUTH_TYPE_GRANT)
                .userIdIn(userId).resourceType(grant.resource()).resourceId(grant.resourceId()).singleResult();
        save(existing, userId, null, grant, bits);
    }

    /** Makes the grant hold exactly {@code bits} (none: no authorization at all). */
    private void save(Authorization existing, String userId, String groupId, Grant grant, int bits) {
        if (bits == 0) {
            if (existing != null) {
                authorizations.deleteAuthorization(existing.getId());
            }
            return;
        }
        if (existing != null && bitsOf(existing) == bits) {
            return;
        }
        Authorization authorization = existing != null ? existing
                : authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        authorization.setUserId(userId);
        authorization.setGroupId(groupId);
        authorization.setResource(grant.resource());
        authorization.setResourceId(grant.resourceId());
        authorization.setPermissions(grant.permissions());
        authorizations.saveAuthorization(authorization);
    }

    private static int bitsOf(Authorization authorization) {
        return ((AuthorizationEntity) authorization).getPermissions();
    }
}
