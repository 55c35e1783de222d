package com.onboarding.admin;

import com.onboarding.RejectedRequestException;
import com.onboarding.clients.Client;
import com.onboarding.clients.ClientRepository;
import com.onboarding.clients.ClientService;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Clients screen: the list, a client's page with its Users tab, and (global admins) create and rename. */
@Controller
@RequestMapping("/clients")
class ClientsController {

    private final ClientRepository clients;
    private final ClientService clientService;
    private final CurrentAdmin currentAdmin;
    private final UsersController users;

    ClientsController(ClientRepository clients, ClientService clientService, CurrentAdmin currentAdmin,
            UsersController users) {
        this.clients = clients;
        this.clientService = clientService;
        this.currentAdmin = currentAdmin;
        this.users = users;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("clients", users.visibleClients(currentAdmin.scope()));
        return "clients/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String q,
            @RequestParam(required = false) UserListStatus status, @RequestParam(defaultValue = "lastName") String sort,
            @RequestParam(defaultValue = "asc") String dir, @RequestParam(defaultValue = "0") int page, Model model) {
        AdminScope scope = currentAdmin.scope();
        Client client = visible(id, scope);
        model.addAttribute("clientEntity", client);
        users.addUserTable(model, new UserSearch(q, status, id), sort, dir, page, scope);
        return "clients/show";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        requireGlobal();
        model.addAttribute("name", "");
        return "clients/form";
    }

    @PostMapping
    String create(@RequestParam String name, Model model, RedirectAttributes redirect) {
        requireGlobal();
        try {
            Client client = clientService.create(name);
            redirect.addFlashAttribute("success", "Client " + client.getName() + " created.");
            return "redirect:/clients/" + client.getId();
        } catch (RejectedRequestException e) {
            model.addAttribute("name", name);
            model.addAttribute("error", e.getMessage());
            return "clients/form";
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        requireGlobal();
        Client client = visible(id, currentAdmin.scope());
        model.addAttribute("clientEntity", client);
        model.addAttribute("name", client.getName());
        return "clients/form";
    }

    @PostMapping("/{id}")
    String rename(@PathVariable long id, @RequestParam String name, Model model, RedirectAttributes redirect) {
        requireGlobal();
        Client client = visible(id, currentAdmin.scope());
        try {
            clientService.rename(id, name);
            redirect.addFlashAttribute("success", "Client renamed.");
            return "redirect:/clients/" + id;
        } catch (RejectedRequestException e) {
            model.addAttribute("clientEntity", client);
            model.addAttribute("name", name);
            model.addAttribute("error", e.getMessage());
            return "clients/form";
        }
    }

    private Client visible(long id, AdminScope scope) {
        return clients.findById(id).filter(c -> scope.coversClient(c.getId()))
                .orElseThrow(() -> new NotFoundException("Client", id));
    }

    private void requireGlobal() {
        if (!currentAdmin.scope().global()) {
            throw new AccessDeniedException("Only global administrators (camunda-admin) create and rename clients.");
        }
    }
}
