package com.onboarding.registration;

import com.onboarding.ConcurrentChangeException;
import com.onboarding.RejectedRequestException;
import com.onboarding.links.LinkNotUsableException;
import com.onboarding.security.PasswordPolicy;
import com.onboarding.users.Language;
import com.onboarding.users.UserAccount;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import com.onboarding.clients.Landing;
import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The public registration page behind the invitation link. */
@Controller
@RequestMapping("/register")
class RegistrationController {

    private final RegistrationService registration;

    RegistrationController(RegistrationService registration) {
        this.registration = registration;
    }

    @ModelAttribute
    void pageData(Model model) {
        model.addAttribute("languages", Language.values());
        model.addAttribute("minLength", PasswordPolicy.MIN_LENGTH);
        model.addAttribute("maxLength", PasswordPolicy.MAX_LENGTH);
        model.addAttribute("maxName", UserAccount.MAX_NAME);
    }

    @GetMapping
    String show(@RequestParam(required = false) String token, Model model) {
        UserAccount user = registration.open(token);
        RegistrationForm form = new RegistrationForm();
        form.setToken(token);
        form.setFirstName(user.getFirstName());
        form.setLastName(user.getLastName());
        form.setLanguage(user.getLanguage().code());
        model.addAttribute("form", form);
        model.addAttribute("welcome", registration.welcome(token));
        return "registration/form";
    }

    @PostMapping
    String submit(@ModelAttribute("form") RegistrationForm form, BindingResult binding, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        List<Landing> landings;
        try {
            landings = registration.register(form);
        } catch (RejectedRequestException e) {
            e.problems().forEach(problem -> binding.rejectValue(problem.field(), "rejected", problem.message()));
            // The form comes back with the reasons; its status says "refused, nothing saved" to any client.
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            form.setPassword(null);
            form.setPasswordConfirmation(null);
            model.addAttribute("welcome", registration.welcome(form.getToken()));
            return "registration/form";
        }
        redirect.addFlashAttribute("registered", true);
        redirect.addFlashAttribute("landings", landings);
        return "redirect:/register/done";
    }

    /**
     * The form came back without a valid session (it expired while the invitee typed): nothing was saved; the form
     * shows again with their entries and says so (see SecurityConfig).
     */
    @PostMapping("/session-expired")
    String sessionExpired(@ModelAttribute("form") RegistrationForm form, Model model) {
        model.addAttribute("welcome", registration.welcome(form.getToken()));
        model.addAttribute("sessionExpired", true);
        form.setPassword(null);
        form.setPasswordConfirmation(null);
        return "registration/form";
    }

    @GetMapping("/done")
    String done() {
        return "registration/done";
    }

    @ExceptionHandler(LinkNotUsableException.class)
    @ResponseStatus(HttpStatus.NOT_FOUND)
    String linkNotUsable() {
        return "registration/link-invalid";
    }

    /** Someone cancelled or resent the invitation at the very moment the invitee submitted. */
    @ExceptionHandler({ConcurrentChangeException.class, ConcurrencyFailureException.class})
    @ResponseStatus(HttpStatus.CONFLICT)
    String concurrentChange() {
        return "registration/link-invalid";
    }
}
