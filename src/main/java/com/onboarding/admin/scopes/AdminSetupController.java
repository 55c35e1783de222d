package com.onboarding.admin.scopes;

import com.onboarding.RejectedRequestException;
import com.onboarding.links.LinkNotUsableException;
import com.onboarding.security.PasswordPolicy;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/** The public page behind a new administrator's link: they set their own password, then sign in. */
@Controller
@RequestMapping("/admin-setup")
class AdminSetupController {

    private final AdminAccounts accounts;

    AdminSetupController(AdminAccounts accounts) {
        this.accounts = accounts;
    }

    @GetMapping
    String show(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("adminId", accounts.open(token));
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
        return "admin-setup/form";
    }

    @PostMapping
    String set(@RequestParam String token, @RequestParam String password, @RequestParam String passwordConfirmation,
            Model model, HttpServletResponse response) {
        try {
            accounts.setPassword(token, password, passwordConfirmation);
        } catch (RejectedRequestException e) {
            model.addAttribute("problems", e.problems());
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return show(token, model);
        }
        return "redirect:/login?passwordReset";
    }

    /** The form came back without a valid session: nothing was saved; it shows again and says so (SecurityConfig). */
    @PostMapping("/session-expired")
    String sessionExpired(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("sessionExpired", true);
        return show(token, model);
    }

    @ExceptionHandler(LinkNotUsableException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String linkNotUsable(Model model) {
        model.addAttribute("hint", "adminSetup.linkInvalid");
        return "registration/link-invalid";
    }
}
