package com.onboarding.security;

import com.onboarding.RejectedRequestException;
import com.onboarding.links.LinkNotUsableException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * A public page behind a mailed single-use link where someone chooses a password (a user's reset, a new
 * administrator's set-up): the form with the password rules, a refusal at its field, the form again when the session
 * expired while they typed (SecurityConfig's token forms), the dead-link page for any link that does not work. Each
 * page says whose account it is, what setting the password does, and where the dead-link page points.
 */
public abstract class PasswordLinkPage {

    /** Whose account the link opens, as the page shows it; a link that does not work throws LinkNotUsableException. */
    protected abstract String account(String token);

    /** Sets the password through the link, which then stops working; refusals with their problems. */
    protected abstract void setPassword(String token, String password, String confirmation);

    /** The form's template. */
    protected abstract String form();

    /** The dead-link page's hint: whom to ask for a new link. */
    protected abstract String linkInvalidHint();

    @GetMapping
    String show(@RequestParam(required = false) String token, Model model) {
        model.addAttribute("account", account(token));
        model.addAttribute("token", token);
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
        return form();
    }

    @PostMapping
    String set(@RequestParam String token, @RequestParam String password, @RequestParam String passwordConfirmation,
            Model model, HttpServletResponse response) {
        try {
            setPassword(token, password, passwordConfirmation);
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
        model.addAttribute("hint", linkInvalidHint());
        return "registration/link-invalid";
    }
}
