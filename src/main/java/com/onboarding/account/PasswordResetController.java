package com.onboarding.account;

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

/** The public page behind a password reset link. */
@Controller
@RequestMapping("/password-reset")
class PasswordResetController {

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @GetMapping
    String show(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("email", resets.open(token).getEmail());
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
        return "password-reset/form";
    }

    @PostMapping
    String reset(@RequestParam String token, @RequestParam String password, @RequestParam String passwordConfirmation,
            Model model, HttpServletResponse response) {
        try {
            resets.reset(token, password, passwordConfirmation);
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
        model.addAttribute("hint", "reset.linkInvalid");
        return "registration/link-invalid";
    }
}
