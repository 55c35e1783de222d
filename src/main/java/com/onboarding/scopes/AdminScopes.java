package com.onboarding.scopes;

import com.onboarding.NotFoundException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.audit.SecurityReports;
import com.onboarding.clients.ClientRepository;
import com.onboarding.users.PermissionRepository;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Who administers what: global admins come from Camunda's group, scopes of the others from the database. */
@Service
public class AdminScopes {

    /** An administrator as the scope page lists them. */
    public record Admin(String id, String name, String email, AdminScope scope) {
    }

    private final IdentityService identity;
    private final AdminClientScopeRepository clientScopes;
    private final AdminPermissionScopeRepository permissionScopes;
    private final ClientRepository clients;
    private final PermissionRepository permissions;
    private final AuditLog audit;
    private final SecurityReports reports;
    private final ApplicationEventPublisher events;
    private final Texts texts;

    public AdminScopes(IdentityService identity, AdminClientScopeRepository clientScopes,
            AdminPermissionScopeRepository permissionScopes, ClientRepository clients, PermissionRepository permissions,
            AuditLog audit, SecurityReports reports, ApplicationEventPublisher events, Texts texts) {
        this.identity = identity;
        this.clientScopes = clientScopes;
        this.permissionScopes = permissionScopes;
        this.clients = clients;
        this.permissions = permissions;
        this.audit = audit;
        this.reports = reports;
        this.events = events;
        this.texts = texts;
    }

    private String text(String key, Object... args) {
        return texts.of(key, args);
    }

    @Transactional(readOnly = true)
    public AdminScope of(String adminId) {
        if (adminId == null) {
            return new AdminScope(null, false, Set.of(), Set.of());
        }
        if (isGlobal(adminId)) {
            return AdminScope.global(adminId);
        }
        return new AdminScope(adminId, false,
                clientScopes.findByAdminId(adminId).stream().map(AdminClientScope::getClientId).collect(Collectors.toSet()),
                permissionScopes.findByAdminId(adminId).stream().map(AdminPermissionScope::getPermissionCode)
                        .collect(Collectors.toSet()));
    }

    public boolean isGlobal(String adminId) {
        return identity.createGroupQuery().groupMember(adminId).groupId(AdminScope.GLOBAL_GROUP).count() > 0;
    }

    /** Every Camunda user with their scope, for the global admin's scope page. */
    @Transactional(readOnly = true)
    public List<Admin> all(AdminScope actor) {
        actor.requireGlobal("manage administrators' scopes");
        return identity.createUserQuery().orderByUserId().asc().list().stream()
                .map(user -> new Admin(user.getId(), displayName(user), user.getEmail(), of(user.getId())))
                .toList();
    }

    /** A global admin sets which clients another admin administers and which permissions they may grant. */
    @Transactional
    public void update(String adminId, Collection<Long> clientIds, Collection<String> permissionCodes, AdminScope actor) {
        actor.requireGlobal("manage administrators' scopes");
        List<Problem> problems = new ArrayList<>();
        if (identity.createUserQuery().userId(adminId).count() == 0) {
            problems.add(new Problem("adminId", text("scope.noSuchAdmin", adminId)));
        }
        clientIds.stream().filter(clientId -> !clients.existsById(clientId))
                .forEach(clientId -> problems.add(new Problem("clientIds", text("scope.noSuchClient", String.valueOf(clientId)))));
        permissionCodes.stream().filter(code -> !permissions.existsById(code)).forEach(code ->
                problems.add(new Problem("permissionCodes", text("scope.noSuchPermission", code))));
        if (!problems.isEmpty()) {
            throw new RejectedRequestException(text("scope.notSaved"), problems);
        }
        clientScopes.deleteByAdminId(adminId);
        permissionScopes.deleteByAdminId(adminId);
        clientIds.forEach(id -> clientScopes.save(new AdminClientScope(adminId, id)));
        permissionCodes.forEach(code -> permissionScopes.save(new AdminPermissionScope(adminId, code)));
        audit.recordAboutAdmin(actor.adminId(), AuditAction.ADMIN_SCOPE_CHANGED, adminId,
                "clients " + clientIds.stream().sorted().toList() + ", permissions "
                        + permissionCodes.stream().sorted().toList());
        events.publishEvent(new AdminScopeChanged(adminId));
    }

    /** Whether the admin's scope names at least one client (global admins need none). */
    @Transactional(readOnly = true)
    public boolean hasClients(String adminId) {
        return !clientScopes.findByAdminId(adminId).isEmpty();
    }

    /** Removes a deleted Camunda user's scope. */
    @Transactional
    public void forget(String adminId) {
        clientScopes.deleteByAdminId(adminId);
        permissionScopes.deleteByAdminId(adminId);
    }

    /** Whether Camunda's user directory has an account of this id. */
    public boolean exists(String adminId) {
        return identity.createUserQuery().userId(adminId).count() > 0;
    }

    /**
     * A new account in Camunda's user directory, with a password nobody knows (the administrator sets theirs through
     * the mailed link) and, for a global administrator, the membership in camunda-admin. The engine's identity
     * changes are audited as any other (IdentityChanges), by whoever the caller acts as (EngineActor#runAs).
     */
    public void createAccount(String adminId, String firstName, String lastName, String email, boolean global) {
        User user = identity.newUser(adminId);
        user.setFirstName(firstName);
        user.setLastName(lastName);
        user.setEmail(email);
        user.setPassword(UNUSABLE_PASSWORD_PREFIX + UUID.randomUUID());
        identity.saveUser(user);
        if (global) {
            identity.createMembership(adminId, AdminScope.GLOBAL_GROUP);
        }
    }

    /** Random (122 bits), kept by nobody, within the password rules: an account nobody can sign in to yet. */
    private static final String UNUSABLE_PASSWORD_PREFIX = "Unset-1-";

    /**
     * An administrator's new password. Refused with the reason when Camunda's policy finds their name or id in it.
     */
    public void setPassword(String adminId, String password) {
        User user = camundaUser(adminId);
        if (user == null) {
            throw new NotFoundException("Administrator", adminId);
        }
        if (!identity.checkPasswordAgainstPolicy(password, user).isValid()) {
            throw new RejectedRequestException(text("adminSetup.notSet"),
                    List.of(new Problem("password", text("adminSetup.userData"))));
        }
        user.setPassword(password);
        identity.saveUser(user);
    }

    /** How to address an administrator in a mail. */
    public record Contact(String firstName, String email) {
    }

    /** The administrator's first name (their id if none) and email, as Camunda's user directory has them. */
    public Contact contact(String adminId) {
        User user = camundaUser(adminId);
        if (user == null) {
            throw new NotFoundException("Administrator", adminId);
        }
        return new Contact(user.getFirstName() == null || user.getFirstName().isBlank() ? adminId : user.getFirstName(),
                user.getEmail());
    }

    /** The admin's name and email as Camunda's user directory has them (email null if none). */
    public User camundaUser(String adminId) {
        return identity.createUserQuery().userId(adminId).singleResult();
    }

    /** Where the admin receives mail (security reports); null if Camunda knows no address. */
    public String emailOf(String adminId) {
        User admin = adminId == null ? null : camundaUser(adminId);
        return admin == null ? null : admin.getEmail();
    }

    /** Mails the requesting global admin the security report on an administrator. */
    @Transactional
    public void requestSecurityReport(String adminId, AdminScope actor) {
        actor.requireGlobal("request security reports on administrators");
        User subject = camundaUser(adminId);
        if (subject == null) {
            throw new NotFoundException("Administrator", adminId);
        }
        reports.sendAboutAdmin(adminId, displayName(subject), actor.adminId(), emailOf(actor.adminId()));
    }

    public static String displayName(User user) {
        String name = ((user.getFirstName() == null ? "" : user.getFirstName()) + " "
                + (user.getLastName() == null ? "" : user.getLastName())).trim();
        return name.isEmpty() ? user.getId() : name;
    }
}
