package com.onboarding.scopes;

import com.onboarding.clients.Client;
import com.onboarding.users.UserAccount;
import java.util.Set;
import org.springframework.security.access.AccessDeniedException;

/**
 * What one administrator may administer. Members of Camunda's {@code camunda-admin} group administer every
 * client; any other admin only the clients (and may grant only the permissions) a global admin granted them.
 * A scoped admin sees and acts on a user only when all of the user's clients are theirs, and never grants the
 * Administrator role.
 */
public record AdminScope(String adminId, boolean global, Set<Long> clientIds, Set<String> permissionCodes) {

    public static final String GLOBAL_GROUP = "camunda-admin";
    public static final String ADMINISTRATOR_ROLE = "ADMINISTRATOR";

    public AdminScope {
        clientIds = Set.copyOf(clientIds);
        permissionCodes = Set.copyOf(permissionCodes);
    }

    public static AdminScope global(String adminId) {
        return new AdminScope(adminId, true, Set.of(), Set.of());
    }

    public boolean coversClient(Long clientId) {
        return global || clientIds.contains(clientId);
    }

    /** Whether this admin may see and act on the user: every client of the user is theirs. */
    public boolean coversUser(UserAccount user) {
        return global || user.getClients().stream().map(Client::getId).allMatch(clientIds::contains);
    }

    public boolean mayGrantRole(String roleCode) {
        return global || !ADMINISTRATOR_ROLE.equals(roleCode);
    }

    public boolean mayGrantPermission(String permissionCode) {
        return global || permissionCodes.contains(permissionCode);
    }

    /** The one check for what only global admins may do; {@code action} completes "Only global administrators ...". */
    public void requireGlobal(String action) {
        if (!global) {
            throw new AccessDeniedException("Only global administrators (camunda-admin) " + action + ".");
        }
    }

    /** Whether this admin administers anything at all. */
    public boolean isAdministrator() {
        return global || !clientIds.isEmpty();
    }
}
