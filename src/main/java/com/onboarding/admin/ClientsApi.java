package com.onboarding.admin;

import com.onboarding.clients.Client;
import com.onboarding.clients.ClientService;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/clients")
@Tag(name = "Clients", description = "The clients you administer; global admins create and rename them")
class ClientsApi {

    record ClientBody(Long id, String name) {
        static ClientBody of(Client client) {
            return new ClientBody(client.getId(), client.getName());
        }
    }

    private final ClientService clients;
    private final CurrentAdmin currentAdmin;
    private final UsersController screen;

    ClientsApi(ClientService clients, CurrentAdmin currentAdmin, UsersController screen) {
        this.clients = clients;
        this.currentAdmin = currentAdmin;
        this.screen = screen;
    }

    @GetMapping
    List<ClientBody> list() {
        return screen.visibleClients(currentAdmin.scope()).stream().map(ClientBody::of).toList();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    ClientBody create(@RequestBody ClientBody body) {
        requireGlobal();
        return ClientBody.of(clients.create(body.name()));
    }

    @PutMapping("/{id}")
    ClientBody rename(@PathVariable long id, @RequestBody ClientBody body) {
        requireGlobal();
        return ClientBody.of(clients.rename(id, body.name()));
    }

    private void requireGlobal() {
        if (!currentAdmin.scope().global()) {
            throw new AccessDeniedException("Only global administrators (camunda-admin) create and rename clients.");
        }
    }
}
