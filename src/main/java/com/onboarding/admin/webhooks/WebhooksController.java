package com.onboarding.admin.webhooks;

import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import com.onboarding.admin.AdminScreen;
import com.onboarding.scopes.CurrentAdmin;
import com.onboarding.webhooks.WebhookEndpoint;
import com.onboarding.webhooks.WebhookEndpoints;
import com.onboarding.webhooks.WebhookEndpoints.EndpointDetails;
import com.onboarding.webhooks.WebhookEndpoints.WithSecret;
import com.onboarding.webhooks.WebhookEventType;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Webhooks screen (global admins): endpoints, their secrets once, and each endpoint's delivery log. */
@Controller
@RequestMapping("/webhooks")
class WebhooksController implements AdminScreen {

    private final WebhookEndpoints endpoints;
    private final CurrentAdmin currentAdmin;
    private final Texts text;

    WebhooksController(WebhookEndpoints endpoints, CurrentAdmin currentAdmin, Texts text) {
        this.endpoints = endpoints;
        this.currentAdmin = currentAdmin;
        this.text = text;
    }

    @GetMapping
    String list(Model model) {
        model.addAttribute("endpoints", endpoints.list(currentAdmin.scope()));
        return "webhooks/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        endpoints.requireGlobal(currentAdmin.scope());
        return form(model, null, new EndpointDetails("", null, List.of(), true));
    }

    @PostMapping
    String create(@RequestParam String url, @RequestParam(required = false) String description,
            @RequestParam(required = false) List<String> eventTypes, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        EndpointDetails details = new EndpointDetails(url, description, eventTypes, true);
        try {
            WithSecret created = endpoints.create(details, currentAdmin.scope());
            redirect.addFlashAttribute("secret", created.secret());
            redirect.addFlashAttribute("success", text.of("flash.webhookCreated"));
            return "redirect:/webhooks/" + created.endpoint().getId();
        } catch (RejectedRequestException e) {
            return refused(e, model, null, details, response);
        }
    }

    @GetMapping("/{id}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("endpoint", endpoints.get(id, currentAdmin.scope()));
        model.addAttribute("deliveries", endpoints.log(id, currentAdmin.scope()));
        return "webhooks/show";
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, Model model) {
        WebhookEndpoint endpoint = endpoints.get(id, currentAdmin.scope());
        return form(model, endpoint, new EndpointDetails(endpoint.getUrl(), endpoint.getDescription(),
                endpoint.types().stream().map(WebhookEventType::type).toList(), endpoint.isEnabled()));
    }

    @PostMapping("/{id}")
    String change(@PathVariable long id, @RequestParam String url, @RequestParam(required = false) String description,
            @RequestParam(required = false) List<String> eventTypes, @RequestParam(defaultValue = "false") boolean enabled,
            Model model, RedirectAttributes redirect, HttpServletResponse response) {
        EndpointDetails details = new EndpointDetails(url, description, eventTypes, enabled);
        try {
            endpoints.change(id, details, currentAdmin.scope());
            redirect.addFlashAttribute("success", text.of("flash.webhookSaved"));
            return "redirect:/webhooks/" + id;
        } catch (RejectedRequestException e) {
            return refused(e, model, endpoints.get(id, currentAdmin.scope()), details, response);
        }
    }

    @PostMapping("/{id}/rotate-secret")
    String rotate(@PathVariable long id, RedirectAttributes redirect) {
        WithSecret rotated = endpoints.rotateSecret(id, currentAdmin.scope());
        redirect.addFlashAttribute("secret", rotated.secret());
        redirect.addFlashAttribute("success", text.of("flash.webhookRotated"));
        return "redirect:/webhooks/" + id;
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, RedirectAttributes redirect) {
        endpoints.delete(id, currentAdmin.scope());
        redirect.addFlashAttribute("success", text.of("flash.webhookDeleted"));
        return "redirect:/webhooks";
    }

    private String form(Model model, WebhookEndpoint endpoint, EndpointDetails details) {
        model.addAttribute("endpoint", endpoint);
        model.addAttribute("details", details);
        model.addAttribute("eventTypes", WebhookEventType.values());
        return "webhooks/form";
    }

    private String refused(RejectedRequestException e, Model model, WebhookEndpoint endpoint, EndpointDetails details,
            HttpServletResponse response) {
        showRefusal(e, model, response);
        return form(model, endpoint, details);
    }
}
