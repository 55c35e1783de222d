package com.onboarding.admin.clients;

import com.onboarding.clients.Client;
import com.onboarding.clients.ClientService;
import com.onboarding.clients.ClientService.ClientDetails;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.Grants;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The Clients screen and /api/clients: every admin sees the clients they administer (others answer "not found");
 * only global admins create clients and change their name and landing page.
 */
@Service
public class ClientAdministration {

    private final ClientService clientService;
    private final Grants grants;

    ClientAdministration(ClientService clientService, Grants grants) {
        this.clientService = clientService;
        this.grants = grants;
    }

    @Transactional(readOnly = true)
    public List<Client> visible(AdminScope scope) {
        return grants.clients(scope);
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
