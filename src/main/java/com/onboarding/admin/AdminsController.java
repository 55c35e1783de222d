package com.onboarding.admin;

import com.onboarding.ConflictException;
import com.onboarding.audit.SecurityReports;
import com.onboarding.clients.ClientRepository;
import com.onboarding.users.PermissionRepository;
import java.util.List;
import org.camunda.bpm.engine.identity.User;
import org.springframework.security.access.AccessDeniedException;
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
class AdminsController {

    private final AdminScopes scopes;
    private final CurrentAdmin currentAdmin;
    private final ClientRepository clients;
    private final PermissionRepository permissions;
    private final SecurityReports reports;

    AdminsController(AdminScopes scopes, CurrentAdmin currentAdmin, ClientRepository clients,
            PermissionRepository permissions, SecurityReports reports) {
        this.scopes = scopes;
        this.currentAdmin = currentAdmin;
        this.clients = clients;
        this.permissions = permissions;
        this.reports = reports;
    }

    @GetMapping
    String list(Model model) {
        requireGlobal();
        model.addAttribute("admins", scopes.all());
        model.addAttribute("clientChoices", clients.findAllByOrderByNameAsc());
        model.addAttribute("permissionChoices", permissions.findAllByOrderByNameAsc());
        return "admins/list";
    }

    @PostMapping("/{adminId}")
    String update(@PathVariable String adminId, @RequestParam(required = false) List<Long> clientIds,
            @RequestParam(required = false) List<String> permissionCodes, RedirectAttributes redirect) {
        try {
            scopes.update(adminId, clientIds == null ? List.of() : clientIds,
                    permissionCodes == null ? List.of() : permissionCodes, currentAdmin.scope());
            redirect.addFlashAttribute("success", "Scope of " + adminId + " saved.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admins";
    }

    /** Mails the requesting global admin the security report on an administrator. */
    @PostMapping("/{adminId}/security-report")
    String securityReport(@PathVariable String adminId, RedirectAttributes redirect) {
        requireGlobal();
        String requester = currentAdmin.scope().adminId();
        User subject = scopes.camundaUser(adminId);
        if (subject == null) {
            throw new NotFoundException("Administrator", adminId);
        }
        User self = scopes.camundaUser(requester);
        try {
            reports.sendAboutAdmin(adminId, AdminScopes.displayName(subject), requester,
                    self == null ? null : self.getEmail());
            redirect.addFlashAttribute("success", "The security report on " + adminId + " is on its way to your mailbox.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/admins";
    }

    private void requireGlobal() {
        if (!currentAdmin.scope().global()) {
            throw new AccessDeniedException("Only global administrators (camunda-admin) manage administrators' scopes.");
        }
    }
}
