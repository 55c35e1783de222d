package com.onboarding.admin.users;

import com.onboarding.account.PasswordResetSettings;
import com.onboarding.admin.AdminScreen;
import com.onboarding.scopes.CurrentAdmin;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The row actions on a user's account: reset password, security report, delete (after its confirmation page). */
@Controller
@RequestMapping("/users/{id}")
class UserAccountController implements AdminScreen {

    private final UserAccountActions accounts;
    private final UserDirectory directory;
    private final PasswordResetSettings resetSettings;
    private final CurrentAdmin currentAdmin;
    private final RowActions rowActions;

    UserAccountController(UserAccountActions accounts, UserDirectory directory, PasswordResetSettings resetSettings,
            CurrentAdmin currentAdmin, RowActions rowActions) {
        this.accounts = accounts;
        this.directory = directory;
        this.resetSettings = resetSettings;
        this.currentAdmin = currentAdmin;
        this.rowActions = rowActions;
    }

    @PostMapping("/reset-password")
    String resetPassword(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo,
            RedirectAttributes redirect) {
        return rowActions.act(returnTo, redirect, scope -> accounts.resetPassword(id, scope),
                "flash.reset", resetSettings.linkValidityText(LocaleContextHolder.getLocale()));
    }

    @PostMapping("/security-report")
    String securityReport(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo,
            RedirectAttributes redirect) {
        return rowActions.act(returnTo, redirect, scope -> accounts.requestSecurityReport(id, scope), "flash.report");
    }

    @GetMapping("/delete")
    String confirmDelete(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo, Model model) {
        model.addAttribute("user", directory.row(id, currentAdmin.scope()));
        model.addAttribute("returnTo", ReturnTo.safe(returnTo));
        return "users/delete";
    }

    @PostMapping("/delete")
    String delete(@PathVariable long id, @RequestParam(defaultValue = "/users") String returnTo,
            RedirectAttributes redirect) {
        return rowActions.act(returnTo, redirect, scope -> accounts.delete(id, scope), "flash.deleted");
    }
}
