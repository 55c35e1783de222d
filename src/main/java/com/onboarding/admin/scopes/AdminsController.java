package com.onboarding.admin.scopes;

import com.onboarding.ConflictException;
import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import com.onboarding.admin.AdminScreen;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.scopes.CurrentAdmin;
import com.onboarding.scopes.Grants;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Global admins decide which clients each other admin administers (Camunda Admin manages the accounts). */
@Controller
@RequestMapping("/admins")
class AdminsController implements AdminScreen {

    private final AdminScopes scopes;
    private final CurrentAdmin currentAdmin;
    private final Grants grants;
    private final Texts text;

    AdminsController(AdminScopes scopes, CurrentAdmin currentAdmin, Grants grants, Texts text) {
        this.scopes = scopes;
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
