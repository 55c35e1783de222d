package com.onboarding.admin.scopes;

import com.onboarding.ConflictException;
import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import com.onboarding.admin.AdminScreen;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.scopes.CurrentAdmin;
import com.onboarding.scopes.Grants;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Global admins add administrators (each sets their own password through a mailed link) and decide which clients
 * each other admin administers; Camunda Admin keeps Camunda's own settings.
 */
@Controller
@RequestMapping("/admins")
class AdminsController implements AdminScreen {

    private final AdminScopes scopes;
    private final AdminAccounts accounts;
    private final CurrentAdmin currentAdmin;
    private final Grants grants;
    private final Texts text;

    AdminsController(AdminScopes scopes, AdminAccounts accounts, CurrentAdmin currentAdmin, Grants grants, Texts text) {
        this.scopes = scopes;
        this.accounts = accounts;
        this.currentAdmin = currentAdmin;
        this.grants = grants;
        this.text = text;
    }

    @GetMapping
    String list(Model model) {
        AdminScope actor = currentAdmin.scope();
        model.addAttribute("admins", scopes.all(actor));
        Grants.Choices choices = grants.choices(actor);
        model.addAttribute("clientChoices", choices.clients());
        model.addAttribute("permissionChoices", choices.permissions());
        return "admins/list";
    }

    @GetMapping("/new")
    String newForm(Model model) {
        currentAdmin.scope().requireGlobal("add administrators");
        model.addAttribute("form", new AdminForm());
        return formPage(model);
    }

    /** Adds the account and mails its set-up link; a refused field comes back with the form as typed. */
    @PostMapping("/new")
    String add(@ModelAttribute("form") AdminForm form, BindingResult binding, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        if (!binding.hasErrors()) {
            try {
                accounts.add(form.toNewAdmin(), currentAdmin.scope());
                redirect.addFlashAttribute("success", text.of("flash.adminAdded", form.getId().strip(),
                        form.getEmail().strip()));
                return "redirect:/admins";
            } catch (RejectedRequestException e) {
                showRefusal(e, model, response);
                return formPage(model);
            }
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return formPage(model);
    }

    private String formPage(Model model) {
        Grants.Choices choices = grants.choices(currentAdmin.scope());
        model.addAttribute("clientChoices", choices.clients());
        model.addAttribute("permissionChoices", choices.permissions());
        return "admins/new";
    }

    /** A new link to set a password (the first expired, or the administrator forgot theirs). */
    @PostMapping("/{adminId}/setup-link")
    String newLink(@PathVariable String adminId, RedirectAttributes redirect) {
        accounts.newLink(adminId, currentAdmin.scope());
        redirect.addFlashAttribute("success", text.of("flash.adminLink", scopes.emailOf(adminId)));
        return "redirect:/admins";
    }

    @PostMapping("/{adminId}")
    String update(@PathVariable String adminId, @RequestParam(required = false) List<Long> clientIds,
            @RequestParam(required = false) List<String> permissionCodes, RedirectAttributes redirect) {
        try {
            scopes.update(adminId, clientIds == null ? List.of() : clientIds,
                    permissionCodes == null ? List.of() : permissionCodes, currentAdmin.scope());
            redirect.addFlashAttribute("success", text.of("flash.scopeSaved", adminId));
        } catch (RejectedRequestException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admins";
    }

    /** Mails the requesting global admin the security report on an administrator. */
    @PostMapping("/{adminId}/security-report")
    String securityReport(@PathVariable String adminId, RedirectAttributes redirect) {
        try {
            scopes.requestSecurityReport(adminId, currentAdmin.scope());
            redirect.addFlashAttribute("success", text.of("flash.report", adminId));
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admins";
    }
}
