package com.onboarding.account;

import com.onboarding.RejectedRequestException;
import com.onboarding.security.PasswordPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A registered user's account page: their data, role, permissions and clients; change password. */
@Controller
@RequestMapping("/account")
class AccountController {

    private final AccountService accounts;

    AccountController(AccountService accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String show(Authentication authentication, Model model) {
        model.addAttribute("user", accounts.of(authentication.getName()));
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
        return "account/show";
    }

    @PostMapping("/password")
    String changePassword(Authentication authentication, @RequestParam String currentPassword,
            @RequestParam String password, @RequestParam String passwordConfirmation, Model model,
            RedirectAttributes redirect) {
        try {
            accounts.changePassword(authentication.getName(), currentPassword, password, passwordConfirmation);
        } catch (RejectedRequestException e) {
            model.addAttribute("problems", e.problems());
            return show(authentication, model);
        }
        redirect.addFlashAttribute("success", true);
        return "redirect:/account";
    }
}
