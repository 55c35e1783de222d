package com.onboarding.admin.clients;

import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import com.onboarding.admin.AdminScreen;
import com.onboarding.admin.users.UserListStatus;
import com.onboarding.admin.users.UserSearch;
import com.onboarding.admin.users.UserTable;
import com.onboarding.clients.Client;
import com.onboarding.clients.ClientService.ClientDetails;
import jakarta.servlet.http.HttpServletResponse;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.CurrentAdmin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The Clients screen: the list, a client's page with its Users tab, and (global admins) create and change the name
 * and landing page.
 */
@Controller
@RequestMapping("/clients")
class ClientsController implements AdminScreen {

    private final ClientAdministration clients;
    private final CurrentAdmin currentAdmin;
    private final UserTable userTable;
    private final Texts text;

    ClientsController(ClientAdministration clients, CurrentAdmin currentAdmin, UserTable userTable, Texts text) {
        this.clients = clients;
        this.currentAdmin = currentAdmin;
        this.userTable = userTable;
        this.text = text;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("clients", clients.visible(currentAdmin.scope()));
        return "clients/list";
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, @RequestParam(required = false) String q,
            @RequestParam(required = false) UserListStatus status, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(defaultValue = "0") int page, Model model) {
        AdminScope scope = currentAdmin.scope();
        model.addAttribute("clientEntity", clients.get(id, scope));
        userTable.addTo(model, new UserSearch(q, status, id, sort, dir, page), scope);
        return "clients/show";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        currentAdmin.scope().requireGlobal("create and rename clients");
        model.addAttribute("details", new ClientDetails("", null));
        return "clients/form";
    }

    @PostMapping
    String create(@RequestParam String name, @RequestParam(required = false) String landingUrl, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        ClientDetails details = new ClientDetails(name, landingUrl);
        try {
            Client client = clients.create(details, currentAdmin.scope());
            redirect.addFlashAttribute("success", text.of("flash.clientCreated", client.getName()));
            return "redirect:/clients/" + client.getId();
        } catch (RejectedRequestException e) {
            return refused(e, details, null, model, response);
        }
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        Client client = clients.forEdit(id, currentAdmin.scope());
        model.addAttribute("clientEntity", client);
        model.addAttribute("details", new ClientDetails(client.getName(), client.getLandingUrl()));
        return "clients/form";
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, @RequestParam String name, @RequestParam(required = false) String landingUrl,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        ClientDetails details = new ClientDetails(name, landingUrl);
        try {
            clients.change(id, details, currentAdmin.scope());
            redirect.addFlashAttribute("success", text.of("flash.clientRenamed"));
            return "redirect:/clients/" + id;
        } catch (RejectedRequestException e) {
            return refused(e, details, clients.get(id, currentAdmin.scope()), model, response);
        }
    }

    /** The form again with what was entered, the summary above and each problem at its field. */
    private String refused(RejectedRequestException e, ClientDetails details, Client client, Model model,
            HttpServletResponse response) {
        showRefusal(e, model, response);
        model.addAttribute("clientEntity", client);
        model.addAttribute("details", details);
        return "clients/form";
    }
}
