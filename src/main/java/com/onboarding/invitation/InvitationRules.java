package com.onboarding.invitation;

import com.onboarding.RejectedRequestException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.admin.AdminScope;
import com.onboarding.admin.AdminScopes;
import com.onboarding.clients.Client;
import com.onboarding.clients.ClientRepository;
import com.onboarding.users.EmailAddress;
import com.onboarding.users.Language;
import com.onboarding.users.Permission;
import com.onboarding.users.PermissionRepository;
import com.onboarding.users.Role;
import com.onboarding.users.RoleRepository;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserData;
import com.onboarding.users.UserProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a user's data is acceptable: when an admin invites someone and when an
 * admin edits a user. Includes what the admin may grant (see {@link AdminScope}).
 */
@Component
public class InvitationRules {

    static final int MAX_NAME = 100;
    static final int MAX_PERSONAL_TEXT = 2000;


    /** User data that passed every rule, resolved to entities. */
    public record ValidUserData(String firstName, String lastName, Language language, Role role,
            Set<Permission> permissions, Set<Client> clients) {
    }

    /** An invitation request that passed every rule. */
    public record ValidInvitation(UserProfile profile, String personalText, ValidUserData data, String invitedBy) {
    }

    private final UserAccountRepository users;
    private final RoleRepository roles;
    private final PermissionRepository permissions;
    private final ClientRepository clients;
    private final AdminScopes adminScopes;

    public InvitationRules(UserAccountRepository users, RoleRepository roles, PermissionRepository permissions,
            ClientRepository clients, AdminScopes adminScopes) {
        this.users = users;
        this.roles = roles;
        this.permissions = permissions;
        this.clients = clients;
        this.adminScopes = adminScopes;
    }

    public ValidInvitation check(InvitationRequest request) {
        List<Problem> problems = new ArrayList<>();
        String invitedBy = trim(request.invitedBy());
        AdminScope scope = adminScopes.of(invitedBy.isEmpty() ? null : invitedBy);
        String email = trim(request.email());
        if (email.isEmpty()) {
            problems.add(new Problem("email", "Email is required."));
        } else if (EmailAddress.problem(email).isPresent()) {
            problems.add(new Problem("email", switch (EmailAddress.problem(email).get()) {
                case INVALID -> "'" + email + "' is not a valid email address.";
                case NON_ASCII_LOCAL_PART -> "'" + email + "' cannot receive mail from this service: before the @, "
                        + "use only unaccented letters, digits and . _ + - (a domain such as müller.de is fine).";
            }));
        } else {
            users.findByEmailNormalized(UserAccount.normalizeEmail(email))
                    .ifPresent(existing -> problems.add(new Problem("email", scope.coversUser(existing)
                            ? alreadyUsed(email, existing)
                            // The user belongs to clients of other admins: say no more than necessary.
                            : email + " cannot be invited. Ask a global administrator.")));
        }
        String personalText = trim(request.personalText());
        if (personalText.length() > MAX_PERSONAL_TEXT) {
            problems.add(new Problem("personalText",
                    "The personal invitation text is longer than " + MAX_PERSONAL_TEXT + " characters."));
        }
        ValidUserData data = checkUserData(request.userData(), problems);
        if (invitedBy.isEmpty()) {
            problems.add(new Problem("invitedBy", "The inviting administrator is unknown; sign in first."));
        } else {
            problems.addAll(grantProblems(scope, data));
        }
        if (!problems.isEmpty()) {
            throw new InvitationRejectedException(problems);
        }
        return new ValidInvitation(new UserProfile(email, data.firstName(), data.lastName(), data.language()),
                personalText.isEmpty() ? null : personalText, data, invitedBy);
    }

    /** An admin's edit of an existing user. */
    public ValidUserData checkEdit(UserData request, AdminScope scope) {
        List<Problem> problems = new ArrayList<>();
        ValidUserData data = checkUserData(request, problems);
        problems.addAll(grantProblems(scope, data));
        if (!problems.isEmpty()) {
            throw new RejectedRequestException("The user was not changed:", problems);
        }
        return data;
    }

    private ValidUserData checkUserData(UserData request, List<Problem> problems) {
        String firstName = requiredText(request.firstName(), "firstName", "First name", problems);
        String lastName = requiredText(request.lastName(), "lastName", "Last name", problems);
        Optional<Language> language = Language.fromCode(request.language());
        if (trim(request.language()).isEmpty()) {
            problems.add(new Problem("language", "Language is required."));
        } else if (language.isEmpty()) {
            problems.add(new Problem("language", "Language '" + request.language() + "' is not offered (use en or de)."));
        }
        Role role = null;
        if (trim(request.roleCode()).isEmpty()) {
            problems.add(new Problem("role", "A role is required."));
        } else {
            role = roles.findById(request.roleCode().trim()).orElse(null);
            if (role == null) {
                problems.add(new Problem("role", "Role '" + request.roleCode() + "' does not exist."));
            }
        }
        Set<Permission> grantedPermissions = new LinkedHashSet<>();
        for (String code : request.permissionCodes()) {
            permissions.findById(trim(code)).ifPresentOrElse(grantedPermissions::add,
                    () -> problems.add(new Problem("permissions", "Permission '" + code + "' does not exist.")));
        }
        Set<Client> assignedClients = new LinkedHashSet<>();
        if (request.clientIds().isEmpty()) {
            problems.add(new Problem("clients", "Assign at least one client."));
        }
        for (Long clientId : request.clientIds()) {
            Optional<Client> client = clientId == null ? Optional.empty() : clients.findById(clientId);
            client.ifPresentOrElse(assignedClients::add,
                    () -> problems.add(new Problem("clients", "Client " + clientId + " does not exist.")));
        }
        return new ValidUserData(firstName, lastName, language.orElse(null), role, grantedPermissions, assignedClients);
    }

    /**
     * What this admin may not grant: clients outside their scope, the Administrator role (global admins only),
     * permissions beyond their own.
     */
    private static List<Problem> grantProblems(AdminScope scope, ValidUserData data) {
        List<Problem> problems = new ArrayList<>();
        if (!scope.isAdministrator()) {
            problems.add(new Problem("clients", "You administer no clients; ask a global administrator to grant you some."));
            return problems;
        }
        if (data.role() != null && !scope.mayGrantRole(data.role().getCode())) {
            problems.add(new Problem("role", "Only global administrators can grant the role '" + data.role().getName() + "'."));
        }
        for (Permission permission : data.permissions()) {
            if (!scope.mayGrantPermission(permission.getCode())) {
                problems.add(new Problem("permissions", "You may not grant the permission '" + permission.getName() + "'."));
            }
        }
        for (Client client : data.clients()) {
            if (!scope.coversClient(client.getId())) {
                // Same words as for a client that does not exist: a scoped admin learns nothing about other clients.
                problems.add(new Problem("clients", "Client " + client.getId() + " does not exist."));
            }
        }
        return problems;
    }

    /** Admins may learn that an address is taken (they need to), and what to do instead. */
    static String alreadyUsed(String email, UserAccount existing) {
        return switch (existing.getStatus()) {
            case INVITED -> email + " has already been invited (status: Invited). "
                    + "Use \"Resend invitation\" in the user administration to send a new link.";
            case ACTIVE -> email + " already belongs to an active user (status: Invite accepted).";
            case DEACTIVATED -> email + " belongs to a deactivated user (status: Deactivated); reactivate that user instead.";
        };
    }

    /** Two admins invited the same address at once: the database's unique key let one of them through. */
    static String invitedConcurrently(String email) {
        return email + " was invited by someone else at the same moment (status: Invited). "
                + "Use \"Resend invitation\" in the user administration to send a new link.";
    }

    private static String requiredText(String value, String field, String label, List<Problem> problems) {
        String text = trim(value);
        if (text.isEmpty()) {
            problems.add(new Problem(field, label + " is required."));
        } else if (text.length() > MAX_NAME) {
            problems.add(new Problem(field, label + " is longer than " + MAX_NAME + " characters."));
        }
        return text;
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
