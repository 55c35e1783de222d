package com.onboarding.admin.users;

import com.onboarding.ConflictException;
import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import com.onboarding.admin.AdminScreen;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationSettings;
import com.onboarding.invitation.PersonalText;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.CurrentAdmin;
import com.onboarding.scopes.Grants.Choices;
import com.onboarding.scopes.Grants;
import com.onboarding.users.Language;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Set;
import org.springframework.context.i18n.LocaleContextHolder;
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

/** "Invite user", "Edit", and the row actions on a user's invitation and status. */
@Controller
@RequestMapping("/users")
class UsersController implements AdminScreen {

    static final Set<String> FORM_FIELDS = Set.of("email", "firstName", "lastName", "language", "personalText", "role",
            "permissions", "clients", "linkValidityDays");

    private final UserAdministration administration;
    private final UserDirectory directory;
    private final InvitationCommands invitations;
    private final CurrentAdmin currentAdmin;
    private final Grants grants;
    private final InvitationSettings invitationSettings;
    private final Texts text;
    private final RowActions rowActions;

    UsersController(UserAdministration administration, UserDirectory directory, InvitationCommands invitations,
            CurrentAdmin currentAdmin, Grants grants, InvitationSettings invitationSettings, Texts text,
            RowActions rowActions) {
        this.administration = administration;
        this.directory = directory;
        this.invitations = invitations;
        this.currentAdmin = currentAdmin;
        this.grants = grants;
        this.invitationSettings = invitationSettings;
        this.text = text;
        this.rowActions = rowActions;
    }

    @GetMapping("/invite")
    String inviteForm(@RequestParam(required = false) Long client, Model model) {
        InviteForm form = new InviteForm();
        // Whoever works in German most likely invites German speakers: the page's language is the first choice.
        form.setLanguage(Language.fromCode(LocaleContextHolder.getLocale().getLanguage()).orElse(Language.EN).code());
        if (client != null && currentAdmin.scope().coversClient(client)) {
            form.getClients().add(client);
        }
        model.addAttribute("form", form);
        model.addAttribute("returnTo", client == null ? "/users" : "/clients/" + client);
        return formPage(model, "invite");
    }

    @PostMapping("/invite")
    String invite(@ModelAttribute("form") InviteForm form, BindingResult binding,
            @RequestParam(defaultValue = "/users") String returnTo, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        // A value that could not even be read (e.g. a client id that is no number) sends nothing.
        if (!binding.hasErrors()) {
            try {
                invitations.invite(form.toRequest(currentAdmin.scope().adminId()));
                redirect.addFlashAttribute("success", text.of("flash.invited", form.getEmail().trim()));
                return "redirect:" + ReturnTo.safe(returnTo);
            } catch (RejectedRequestException e) {
                reject(e, binding);
            }
        }
        model.addAttribute("returnTo", ReturnTo.safe(returnTo));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return formPage(model, "invite");
    }

    @GetMapping("/{id}/edit")
    String editForm(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, Model model) {
        model.addAttribute("form", InviteForm.of(directory.get(id, currentAdmin.scope())));
        model.addAttribute("pendingChange", directory.pendingChange(id, currentAdmin.scope()));
        model.addAttribute("userId", id);
        model.addAttribute("returnTo", ReturnTo.safe(returnTo));
        return formPage(model, "edit");
    }

    @PostMapping("/{id}/edit")
    String edit(@PathVariable long id, @ModelAttribute("form") InviteForm form, BindingResult binding,
            @RequestParam(defaultValue = "/users") String returnTo, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        // A value that could not even be read (e.g. a client id that is no number) changes nothing either.
        if (!binding.hasErrors()) {
            try {
                UserRow row = administration.edit(id, form.toUserData(), currentAdmin.scope());
                redirect.addFlashAttribute("success", row.pendingChange() == null ? text.of("flash.saved", row.name())
                        : text.of("flash.savedPending", row.name(), row.pendingChange()));
                return "redirect:" + ReturnTo.safe(returnTo);
            } catch (RejectedRequestException e) {
                reject(e, binding);
            }
        }
        form.setEmail(directory.get(id, currentAdmin.scope()).getEmail());
        model.addAttribute("userId", id);
        model.addAttribute("returnTo", ReturnTo.safe(returnTo));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        return formPage(model, "edit");
    }

    /** "Resend with a new text": the invitation's personal text to change before the new link goes out. */
    @GetMapping("/{id}/resend")
    String resendWithText(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, Model model,
            RedirectAttributes redirect) {
        UserAdministration.ResendForm form;
        try {
            form = administration.resendForm(id, currentAdmin.scope());
        } catch (ConflictException e) {
            redirect.addFlashAttribute("error", e.getMessage());
            return "redirect:" + ReturnTo.safe(returnTo);
        }
        return resendPage(model, form.user(), form.personalText(), returnTo);
    }

    /** Without a personalText the text stays; with one (blank: none) it replaces the text in the new mail. */
    @PostMapping("/{id}/resend")
    String resend(@PathVariable long id, @RequestParam(required = false) String personalText,
            @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect, Model model,
            HttpServletResponse response) {
        PersonalText newText = personalText == null ? null : new PersonalText(personalText);
        try {
            return rowActions.act(returnTo, redirect, scope -> administration.resendInvitation(id, newText, scope),
                    "flash.resent");
        } catch (RejectedRequestException e) {
            showRefusal(e, model, response);
            return resendPage(model, directory.row(id, currentAdmin.scope()), personalText, returnTo);
        }
    }

    private static String resendPage(Model model, UserRow user, String personalText, String returnTo) {
        model.addAttribute("user", user);
        model.addAttribute("personalText", personalText);
        model.addAttribute("returnTo", ReturnTo.safe(returnTo));
        return "users/resend";
    }

    @PostMapping("/{id}/cancel")
    String cancel(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        return rowActions.act(returnTo, redirect, scope -> administration.cancelInvitation(id, scope),
                "flash.cancelled");
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        return rowActions.act(returnTo, redirect, scope -> administration.deactivate(id, scope), "flash.deactivated");
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        return rowActions.act(returnTo, redirect, scope -> administration.reactivate(id, scope), "flash.reactivated");
    }

    private String formPage(Model model, String mode) {
        AdminScope scope = currentAdmin.scope();
        model.addAttribute("mode", mode);
        model.addAttribute("languages", Language.values());
        Choices choices = grants.choices(scope);
        model.addAttribute("roles", choices.roles());
        model.addAttribute("permissionChoices", choices.permissions());
        model.addAttribute("clientChoices", choices.clients());
        model.addAttribute("standardValidity", invitationSettings.linkValidityText(LocaleContextHolder.getLocale()));
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
}
