package com.onboarding.admin;

import com.onboarding.clients.Client;
import com.onboarding.users.UserAccount;
import java.util.Collection;
import java.util.Set;

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

    public boolean coversClients(Collection<Long> ids) {
        return global || clientIds.containsAll(ids);
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

    /** Whether this admin administers anything at all. */
    public boolean isAdministrator() {
        return global || !clientIds.isEmpty();
    }
}
