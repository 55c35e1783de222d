package com.onboarding.scopes;

import com.onboarding.NotFoundException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.Texts;
import com.onboarding.clients.Client;
import com.onboarding.clients.ClientRepository;
import com.onboarding.users.Permission;
import com.onboarding.users.PermissionRepository;
import com.onboarding.users.Role;
import com.onboarding.users.RoleRepository;
import com.onboarding.users.UserData;
import com.onboarding.users.UserDataRules;
import com.onboarding.users.ValidUserData;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator may grant: the choices the screens and the Tasklist form offer them, and the problems of a
 * request that goes beyond them. The server checks again whatever a form offered.
 */
@Service
public class Grants {

    /** What a form offers an admin to choose from. */
    public record Choices(List<Role> roles, List<Permission> permissions, List<Client> clients) {
    }

    private final RoleRepository roles;
    private final PermissionRepository permissions;
    private final ClientRepository clients;
    private final UserDataRules userDataRules;
    private final Texts texts;

    public Grants(RoleRepository roles, PermissionRepository permissions, ClientRepository clients,
            UserDataRules userDataRules, Texts texts) {
        this.roles = roles;
        this.permissions = permissions;
        this.clients = clients;
        this.userDataRules = userDataRules;
        this.texts = texts;
    }

    @Transactional(readOnly = true)
    public Choices choices(AdminScope scope) {
        return new Choices(roles(scope), permissions(scope), clients(scope));
    }

    @Transactional(readOnly = true)
    public List<Role> roles(AdminScope scope) {
        return roles.findAllByOrderByNameAsc().stream().filter(role -> scope.mayGrantRole(role.getCode())).toList();
    }

    @Transactional(readOnly = true)
    public List<Permission> permissions(AdminScope scope) {
        return permissions.findAllByOrderByNameAsc().stream()
                .filter(permission -> scope.mayGrantPermission(permission.getCode())).toList();
    }

    /** The clients the admin administers: the ones they see, choose from and may assign. */
    @Transactional(readOnly = true)
    public List<Client> clients(AdminScope scope) {
        return scope.global() ? clients.findAllByOrderByNameAsc() : clients.findByIdInOrderByNameAsc(scope.clientIds());
    }

    /** One client the admin administers; any other reads as not existing. */
    @Transactional(readOnly = true)
    public Client client(long id, AdminScope scope) {
        return clients.findById(id).filter(client -> scope.coversClient(client.getId()))
                .orElseThrow(() -> new NotFoundException("Client", id));
    }

    /** Checks user data and what this admin may grant of it, adding every problem found. */
    public ValidUserData check(AdminScope scope, UserData data, List<Problem> problems) {
        ValidUserData valid = userDataRules.check(data, problems);
        problems.addAll(problems(scope, valid));
        return valid;
    }

    /**
     * What this admin may not grant: clients outside their scope, the Administrator role (global admins only),
     * permissions beyond their own.
     */
    List<Problem> problems(AdminScope scope, ValidUserData data) {
        List<Problem> problems = new ArrayList<>();
        if (!scope.isAdministrator()) {
            problems.add(new Problem("clients", message("scope.noClients")));
            return problems;
        }
        if (data.role() != null && !scope.mayGrantRole(data.role().getCode())) {
            problems.add(new Problem("role", message("scope.role.notGrantable", data.role().getName())));
        }
        for (Permission permission : data.permissions()) {
            if (!scope.mayGrantPermission(permission.getCode())) {
                problems.add(new Problem("permissions", message("scope.permission.notGrantable", permission.getName())));
            }
        }
        for (Client client : data.clients()) {
            if (!scope.coversClient(client.getId())) {
                // Same words as for a client that does not exist: a scoped admin learns nothing about other clients.
                problems.add(new Problem("clients", userDataRules.unknownClient(client.getId())));
            }
        }
        return problems;
    }

    private String message(String code, Object... args) {
        return texts.of(code, args);
    }
}
