package com.onboarding.admin.clients;

import com.onboarding.clients.Client;
import com.onboarding.clients.ClientService;
import com.onboarding.clients.ClientService.ClientDetails;
import com.onboarding.scopes.AdminScope;
import com.onboarding.admin.users.UsersPerClient;
import com.onboarding.scopes.Grants;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Clients screen and /api/clients: every admin sees the clients they administer (others answer "not found");
 * only global admins create clients and change their name and landing page.
 */
@Service
public class ClientAdministration {

    /** A client in the list, with the number of users its Users tab shows this admin. */
    public record Listed(Client client, long users) {
    }

    private final ClientService clientService;
    private final Grants grants;
    private final UsersPerClient usersPerClient;

    ClientAdministration(ClientService clientService, Grants grants, UsersPerClient usersPerClient) {
        this.clientService = clientService;
        this.grants = grants;
        this.usersPerClient = usersPerClient;
    }

    /** The clients the admin administers, each with its users as the admin sees them. */
    @Transactional(readOnly = true)
    public List<Listed> visible(AdminScope scope) {
        Map<Long, Long> users = usersPerClient.of(scope);
        return grants.clients(scope).stream().map(client -> new Listed(client, users.getOrDefault(client.getId(), 0L)))
                .toList();
    }

    @Transactional(readOnly = true)
    public Client get(long id, AdminScope scope) {
        return grants.client(id, scope);
    }

    @Transactional
    public Client create(ClientDetails details, AdminScope scope) {
        scope.requireGlobal("create and rename clients");
        return clientService.create(details);
    }

    /** Name and landing page, both as given (an empty landing page removes it). */
    @Transactional
    public Client change(long id, ClientDetails details, AdminScope scope) {
        scope.requireGlobal("create and rename clients");
        get(id, scope);
        return clientService.change(id, details);
    }

    /** A global admin's client to rename (the edit form). */
    @Transactional(readOnly = true)
    public Client forEdit(long id, AdminScope scope) {
        scope.requireGlobal("create and rename clients");
        return get(id, scope);
    }
}
