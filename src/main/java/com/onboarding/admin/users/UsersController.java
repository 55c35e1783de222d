package com.onboarding.admin.users;

import com.onboarding.ConflictException;
import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import com.onboarding.account.PasswordResetSettings;
import com.onboarding.admin.AdminScreen;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationSettings;
import com.onboarding.invitation.PersonalText;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.CurrentAdmin;
import com.onboarding.scopes.Grants.Choices;
import com.onboarding.scopes.Grants;
import com.onboarding.users.Language;
import com.onboarding.web.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Arrays;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Stream;
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

/** The Users screen: the list, "Invite user", and every row action. */
@Controller
@RequestMapping("/users")
class UsersController implements AdminScreen {

    static final Set<String> FORM_FIELDS = Set.of("email", "firstName", "lastName", "language", "personalText", "role",
            "permissions", "clients", "linkValidityDays");

    private final UserAdministration administration;
    private final InvitationCommands invitations;
    private final CurrentAdmin currentAdmin;
    private final Grants grants;
    private final UserTable table;
    private final PasswordResetSettings resetSettings;
    private final InvitationSettings invitationSettings;
    private final Texts text;

    UsersController(UserAdministration administration, InvitationCommands invitations, CurrentAdmin currentAdmin,
            Grants grants, UserTable table, PasswordResetSettings resetSettings, InvitationSettings invitationSettings,
            Texts text) {
        this.administration = administration;
        this.invitations = invitations;
        this.currentAdmin = currentAdmin;
        this.grants = grants;
        this.table = table;
        this.resetSettings = resetSettings;
        this.invitationSettings = invitationSettings;
        this.text = text;
    }

    @GetMapping
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) UserListStatus status,
            @RequestParam(required = false) Long client, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(defaultValue = "0") int page, Model model) {
        AdminScope scope = currentAdmin.scope();
        table.addTo(model, new UserSearch(q, status, client, sort, dir, page), scope);
        model.addAttribute("clientChoices", grants.clients(scope));
        return "users/list";
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
        model.addAttribute("form", InviteForm.of(administration.get(id, currentAdmin.scope())));
        model.addAttribute("pendingChange", administration.pendingChange(id, currentAdmin.scope()));
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
        form.setEmail(administration.get(id, currentAdmin.scope()).getEmail());
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
            return act(returnTo, redirect, scope -> administration.resendInvitation(id, newText, scope),
                    "flash.resent");
        } catch (RejectedRequestException e) {
            showRefusal(e, model, response);
            return resendPage(model, administration.row(id, currentAdmin.scope()), personalText, returnTo);
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
        return act(returnTo, redirect, scope -> administration.cancelInvitation(id, scope),
                "flash.cancelled");
    }

    @PostMapping("/{id}/deactivate")
    String deactivate(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        return act(returnTo, redirect, scope -> administration.deactivate(id, scope), "flash.deactivated");
    }

    @PostMapping("/{id}/reactivate")
    String reactivate(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        return act(returnTo, redirect, scope -> administration.reactivate(id, scope), "flash.reactivated");
    }

    @PostMapping("/{id}/reset-password")
    String resetPassword(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        return act(returnTo, redirect, scope -> administration.resetPassword(id, scope),
                "flash.reset", resetSettings.linkValidityText(LocaleContextHolder.getLocale()));
    }

    @PostMapping("/{id}/security-report")
    String securityReport(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        return act(returnTo, redirect, scope -> administration.requestSecurityReport(id, scope),
                "flash.report");
    }

    @GetMapping("/{id}/delete")
    String confirmDelete(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, Model model) {
        model.addAttribute("user", administration.row(id, currentAdmin.scope()));
        model.addAttribute("returnTo", ReturnTo.safe(returnTo));
        return "users/delete";
    }

    @PostMapping("/{id}/delete")
    String delete(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, RedirectAttributes redirect) {
        return act(returnTo, redirect, scope -> administration.delete(id, scope),
                "flash.deleted");
    }

    /**
     * Runs a row action and returns to the list with what happened, or why nothing did; "not found" and "not allowed"
     * get their page.
     */
    private String act(String returnTo, RedirectAttributes redirect, Function<AdminScope, UserRow> action,
            String successKey, Object... more) {
        try {
            String email = action.apply(currentAdmin.scope()).email();
            redirect.addFlashAttribute("success",
                    text.of(successKey, Stream.concat(Stream.of(email), Arrays.stream(more)).toArray()));
        } catch (RuntimeException e) {
            Refusal refusal = Refusal.of(e, text).filter(r -> r.status().value() == 409).orElseThrow(() -> e);
            redirect.addFlashAttribute("error", refusal.message());
        }
        return "redirect:" + ReturnTo.safe(returnTo);
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
