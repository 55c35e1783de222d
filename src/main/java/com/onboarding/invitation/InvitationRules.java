package com.onboarding.invitation;

import com.onboarding.clients.Client;
import com.onboarding.clients.ClientRepository;
import com.onboarding.invitation.InvitationRejectedException.Problem;
import com.onboarding.users.Language;
import com.onboarding.users.Permission;
import com.onboarding.users.PermissionRepository;
import com.onboarding.users.Role;
import com.onboarding.users.RoleRepository;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.stereotype.Component;

/** The one place that decides whether an invitation request is acceptable. */
@Component
public class InvitationRules {

    static final int MAX_EMAIL = 254;
    static final int MAX_NAME = 100;
    static final int MAX_PERSONAL_TEXT = 2000;

    // Deliberately simple: one @, no spaces, a dot in the domain. The mail itself is the real check.
    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s.]{2,}$");

    /** A request that passed every rule, resolved to entities. */
    public record ValidInvitation(UserProfile profile, String personalText, Role role, Set<Permission> permissions,
            Set<Client> clients, String invitedBy) {
    }

    private final UserAccountRepository users;
    private final RoleRepository roles;
    private final PermissionRepository permissions;
    private final ClientRepository clients;

    public InvitationRules(UserAccountRepository users, RoleRepository roles, PermissionRepository permissions,
            ClientRepository clients) {
        this.users = users;
        this.roles = roles;
        this.permissions = permissions;
        this.clients = clients;
    }

    public ValidInvitation check(InvitationRequest request) {
        List<Problem> problems = new ArrayList<>();
        String email = trim(request.email());
        if (email.isEmpty()) {
            problems.add(new Problem("email", "Email is required."));
        } else if (email.length() > MAX_EMAIL || !EMAIL.matcher(email).matches()) {
            problems.add(new Problem("email", "'" + email + "' is not a valid email address."));
        } else {
            users.findByEmailNormalized(UserAccount.normalizeEmail(email))
                    .ifPresent(existing -> problems.add(new Problem("email", alreadyUsed(email, existing))));
        }
        String firstName = requiredText(request.firstName(), "firstName", "First name", MAX_NAME, problems);
        String lastName = requiredText(request.lastName(), "lastName", "Last name", MAX_NAME, problems);
        Optional<Language> language = Language.fromCode(request.language());
        if (trim(request.language()).isEmpty()) {
            problems.add(new Problem("language", "Language is required."));
        } else if (language.isEmpty()) {
            problems.add(new Problem("language", "Language '" + request.language() + "' is not offered (use en or de)."));
        }
        String personalText = trim(request.personalText());
        if (personalText.length() > MAX_PERSONAL_TEXT) {
            problems.add(new Problem("personalText",
                    "The personal invitation text is longer than " + MAX_PERSONAL_TEXT + " characters."));
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
        if (trim(request.invitedBy()).isEmpty()) {
            problems.add(new Problem("invitedBy", "The inviting administrator is unknown; sign in first."));
        }
        if (!problems.isEmpty()) {
            throw new InvitationRejectedException(problems);
        }
        return new ValidInvitation(new UserProfile(email, firstName, lastName, language.orElseThrow()),
                personalText.isEmpty() ? null : personalText, role, grantedPermissions, assignedClients,
                request.invitedBy().trim());
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

    private static String requiredText(String value, String field, String label, int max, List<Problem> problems) {
        String text = trim(value);
        if (text.isEmpty()) {
            problems.add(new Problem(field, label + " is required."));
        } else if (text.length() > max) {
            problems.add(new Problem(field, label + " is longer than " + max + " characters."));
        }
        return text;
    }

    private static String trim(String value) {
        return value == null ? "" : value.trim();
    }
}
