package com.onboarding.admin;

import com.onboarding.ConflictException;
import com.onboarding.RejectedRequestException;
import com.onboarding.clients.ClientRepository;
import com.onboarding.invitation.ConcurrentInvitationChangeException;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.users.Language;
import com.onboarding.users.Permission;
import com.onboarding.users.PermissionRepository;
import com.onboarding.users.RoleRepository;
import com.onboarding.users.UserAccount;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The Users screen: the list, "Invite user", and every row action. */
@Controller
@RequestMapping("/users")
class UsersController {

    static final int PAGE_SIZE = 25;

    /** Sort keys of the list's columns. */
    static final List<String> SORTABLE = List.of("lastName", "email", "status", "createdAt");

    static final Set<String> FORM_FIELDS = Set.of("email", "firstName", "lastName", "language", "personalText", "role",
            "permissions", "clients");

    private final UserAdministration administration;
    private final InvitationCommands invitations;
    private final CurrentAdmin currentAdmin;
    private final RoleRepository roles;
    private final PermissionRepository permissions;
    private final ClientRepository clients;

    UsersController(UserAdministration administration, InvitationCommands invitations, CurrentAdmin currentAdmin,
            RoleRepository roles, PermissionRepository permissions, ClientRepository clients) {
        this.administration = administration;
        this.invitations = invitations;
        this.currentAdmin = currentAdmin;
        this.roles = roles;
        this.permissions = permissions;
        this.clients = clients;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) UserListStatus status,
            @RequestParam(required = false) Long client, @RequestParam(defaultValue = "lastName") String sort,
            @RequestParam(defaultValue = "asc") String dir, @RequestParam(defaultValue = "0") int page, Model model) {
        AdminScope scope = currentAdmin.scope();
        addUserTable(model, new UserSearch(q, status, client), sort, dir, page, scope);
        model.addAttribute("clientChoices", visibleClients(scope));
        return "users/list";
    }

    /** What the user table (templates/users/table.html) needs: the page of users and the filters that made it. */
    void addUserTable(Model model, UserSearch search, String sort, String dir, int page, AdminScope scope) {
        model.addAttribute("users", search(search, sort, dir, page, scope));
        model.addAttribute("q", search.query());
        model.addAttribute("status", search.status());
        model.addAttribute("client", search.clientId());
        model.addAttribute("sort", sort);
        model.addAttribute("dir", dir);
        model.addAttribute("statuses", UserListStatus.values());
    }

    Page<UserRow> search(UserSearch search, String sort, String dir, int page, AdminScope scope) {
        String property = SORTABLE.contains(sort) ? sort : "lastName";
        Sort order = Sort.by("desc".equals(dir) ? Sort.Direction.DESC : Sort.Direction.ASC, property)
                .and(Sort.by("lastName", "firstName", "id"));
        return administration.search(search, PageRequest.of(Math.max(page, 0), PAGE_SIZE, order), scope);
    }

    List<com.onboarding.clients.Client> visibleClients(AdminScope scope) {
        return scope.global() ? clients.findAllByOrderByNameAsc() : clients.findByIdInOrderByNameAsc(scope.clientIds());
    }

    @GetMapping("/invite")
    String inviteForm(@RequestParam(required = false) Long client, Model model) {
        InviteForm form = new InviteForm();
        if (client != null && currentAdmin.scope().coversClient(client)) {
            form.getClients().add(client);
        }
        model.addAttribute("form", form);
        model.addAttribute("returnTo", client == null ? "/users" : "/clients/" + client);
        return formPage(model, "invite");
    }

    @PostMapping("/invite")
    String invite(@ModelAttribute("form") InviteForm form, BindingResult binding,
            @RequestParam(defaultValue = "/users") String returnTo, Model model, RedirectAttributes redirect) {
        AdminScope scope = currentAdmin.scope();
        if (binding.hasErrors()) {
            // A value that could not even be read (e.g. a client id that is no number): say so, send nothing.
            model.addAttribute("returnTo", safe(returnTo));
            return formPage(model, "invite");
        }
        try {
            invitations.invite(form.toRequest(scope.adminId()));
        } catch (RejectedRequestException e) {
            reject(e, binding);
            model.addAttribute("returnTo", safe(returnTo));
            return formPage(model, "invite");
        }
        redirect.addFlashAttribute("success", "Invitation to " + form.getEmail().trim() + " is on its way.");
        return "redirect:" + safe(returnTo);
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, Model model) {
        UserAccount user = administration.get(id, currentAdmin.scope());
        InviteForm form = new InviteForm();
        form.setEmail(user.getEmail());
        form.setFirstName(user.getFirstName());
        form.setLastName(user.getLastName());
        form.setLanguage(user.getLanguage().code());
        form.setRole(user.getRole().getCode());
        form.setPermissions(user.getPermissions().stream().map(Permission::getCode).toList());
        form.setClients(user.getClients().stream().map(com.onboarding.clients.Client::getId).toList());
        model.addAttribute("form", form);
        model.addAttribute("userId", id);
        model.addAttribute("returnTo", safe(returnTo));
        return formPage(model, "edit");
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable long id, @ModelAttribute("form") InviteForm form, BindingResult binding,
            @RequestParam(defaultValue = "/users") String returnTo, Model model, RedirectAttributes redirect) {
        AdminScope scope = currentAdmin.scope();
        // A value that could not even be read (e.g. a client id that is no number) changes nothing either.
        if (!binding.hasErrors()) {
            try {
                administration.edit(id, form.toUserData(), scope);
                redirect.addFlashAttribute("success", "Changes to " + form.getFirstName() + " " + form.getLastName()
                        + " saved.");
                return "redirect:" + safe(returnTo);
            } catch (RejectedRequestException e) {
                reject(e, binding);
            }
        }
        form.setEmail(administration.get(id, scope).getEmail());
        model.addAttribute("userId", id);
        model.addAttribute("returnTo", safe(returnTo));
        return formPage(model, "edit");
    }

    @PostMapping("/{id}/resend")
    String resend(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        return act(id, returnTo, redirect, scope -> administration.resendInvitation(id, scope),
                "A new invitation link is on its way to %s; the old link no longer works.");
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        return act(id, returnTo, redirect, scope -> administration.cancelInvitation(id, scope),
                "The invitation of %s is cancelled; its link no longer works.");
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        return act(id, returnTo, redirect, scope -> administration.deactivate(id, scope), "%s is deactivated.");
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        return act(id, returnTo, redirect, scope -> administration.reactivate(id, scope), "%s is active again.");
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        return act(id, returnTo, redirect, scope -> administration.resetPassword(id, scope),
                "A password reset link is on its way to %s (valid for 60 minutes).");
    }

    @PostMapping("/{id}/security-report")
    String securityReport(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        return act(id, returnTo, redirect, scope -> administration.requestSecurityReport(id, scope),
                "The security report on %s is on its way to your mailbox.");
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, Model model) {
        model.addAttribute("user", administration.row(id, currentAdmin.scope()));
        model.addAttribute("returnTo", safe(returnTo));
        return "users/delete";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        return act(id, returnTo, redirect, scope -> administration.delete(id, scope),
                "%s is deleted, with their personal data.");
    }

    /** Runs a row action and returns to the list with what happened, or why nothing did. */
    private String act(long id, String returnTo, RedirectAttributes redirect, Consumer<AdminScope> action, String success) {
        AdminScope scope = currentAdmin.scope();
        String email = administration.get(id, scope).getEmail();
        try {
            action.accept(scope);
            redirect.addFlashAttribute("success", success.formatted(email));
        } catch (ConflictException | ConcurrentInvitationChangeException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        } catch (ConcurrencyFailureException e) {
            redirect.addFlashAttribute("error", new ConcurrentInvitationChangeException(e).getMessage());
        }
        return "redirect:" + safe(returnTo);
    }

    private String formPage(Model model, String mode) {
        AdminScope scope = currentAdmin.scope();
        model.addAttribute("mode", mode);
        model.addAttribute("languages", Language.values());
        model.addAttribute("roles", roles.findAllByOrderByNameAsc().stream()
                .filter(role -> scope.mayGrantRole(role.getCode())).toList());
        model.addAttribute("permissionChoices", permissions.findAllByOrderByNameAsc().stream()
                .filter(p -> scope.mayGrantPermission(p.getCode())).toList());
        model.addAttribute("clientChoices", visibleClients(scope));
        return "users/form";
    }

    /** Problems on the form's fields go next to them, others (e.g. the inviting admin) above the form. */
    private static void reject(RejectedRequestException e, BindingResult binding) {
        e.problems().forEach(problem -> {
            if (FORM_FIELDS.contains(problem.field())) {
                binding.rejectValue(problem.field(), "rejected", problem.message());
            } else {
                binding.reject("rejected", problem.message());
            }
        });
    }

    /** Only paths of our own admin screens: no open redirect through returnTo. */
    static String safe(String returnTo) {
        return returnTo != null && returnTo.matches("^/(users|clients)(/[0-9]+)?$") ? returnTo : "/users";
    }
}
