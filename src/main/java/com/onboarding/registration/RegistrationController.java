package com.onboarding.registration;

import com.onboarding.ConcurrentChangeException;
import com.onboarding.RejectedRequestException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.Texts;
import com.onboarding.providers.ProviderChoice;
import com.onboarding.providers.ProviderIdentities;
import com.onboarding.providers.ProviderSession;
import com.onboarding.providers.VerifiedIdentity;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.Optional;
import org.springframework.validation.BeanPropertyBindingResult;
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
    private final RegistrationWelcome welcome;
    private final Texts texts;

    RegistrationController(RegistrationService registration, RegistrationWelcome welcome, Texts texts) {
        this.registration = registration;
        this.welcome = welcome;
        this.texts = texts;
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
        model.addAttribute("welcome", welcome.welcome(token));
        return "registration/form";
    }

    @PostMapping
    String submit(@ModelAttribute("form") RegistrationForm form, BindingResult binding, Model model,
            RedirectAttributes redirect, HttpServletResponse response) {
        try {
            return registered(registration.register(form), null, redirect);
        } catch (RejectedRequestException e) {
            return refused(e, form, binding, model, response);
        }
    }

    /**
     * "Register with your company's account": what the invitee entered is checked and kept in their session, and they
     * go on to the provider (a page that continues by itself; a redirect would break the page's form-action policy).
     */
    @PostMapping("/provider")
    String toProvider(@ModelAttribute("form") RegistrationForm form, BindingResult binding, Model model,
            HttpSession session, HttpServletResponse response) {
        ProviderChoice provider;
        try {
            provider = registration.checkBeforeProvider(form, form.getProvider());
        } catch (RejectedRequestException e) {
            return refused(e, form, binding, model, response);
        }
        form.setPassword(null);
        form.setPasswordConfirmation(null);
        session.setAttribute(PENDING, new PendingProviderRegistration(form, provider));
        ProviderSession.startRegistration(session);
        model.addAttribute("provider", provider);
        return "provider/continue";
    }

    /** Back from the provider (see security.ProviderSignIn): the registration completes, or the form says why not. */
    @GetMapping("/provider/complete")
    String fromProvider(HttpSession session, Model model, RedirectAttributes redirect,
            HttpServletResponse response) {
        PendingProviderRegistration pending = (PendingProviderRegistration) session.getAttribute(PENDING);
        session.removeAttribute(PENDING);
        Optional<VerifiedIdentity> identity = ProviderSession.takeVerified(session);
        if (pending == null) {
            return "redirect:/login?providerFailed"; // nothing waits for an answer here: a replay, or another tab
        }
        RegistrationForm form = pending.form();
        BindingResult binding = new BeanPropertyBindingResult(form, "form");
        model.addAttribute("form", form);
        model.addAttribute(BindingResult.MODEL_KEY_PREFIX + "form", binding);
        if (identity.isEmpty() || !identity.get().registrationId().equals(pending.provider().registrationId())) {
            return refused(new RejectedRequestException("The registration was not saved:", List.of(new Problem(
                    ProviderIdentities.FIELD, texts.of("provider.failed", pending.provider().client())))),
                    form, binding, model, response);
        }
        try {
            return registered(registration.registerWithProvider(form, identity.get()), pending.provider(), redirect);
        } catch (RejectedRequestException e) {
            return refused(e, form, binding, model, response);
        }
    }

    private static String registered(List<Landing> landings, ProviderChoice provider, RedirectAttributes redirect) {
        redirect.addFlashAttribute("registered", true);
        redirect.addFlashAttribute("landings", landings);
        redirect.addFlashAttribute("provider", provider);
        return "redirect:/register/done";
    }

    /** The form comes back with the reasons; its status says "refused, nothing saved" to any client. */
    private String refused(RejectedRequestException e, RegistrationForm form, BindingResult binding, Model model,
            HttpServletResponse response) {
        e.problems().forEach(problem -> binding.rejectValue(problem.field(), "rejected", problem.message()));
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        form.setPassword(null);
        form.setPasswordConfirmation(null);
        model.addAttribute("welcome", welcome.welcome(form.getToken()));
        return "registration/form";
    }

    /** What the invitee entered before leaving for their provider, and which provider. */
    record PendingProviderRegistration(RegistrationForm form, ProviderChoice provider) implements Serializable {
    }

    private static final String PENDING = RegistrationController.class.getName() + ".pending";

    /**
     * The form came back without a valid session (it expired while the invitee typed): nothing was saved; the form
     * shows again with their entries and says so (see SecurityConfig).
     */
    @PostMapping("/session-expired")
    String sessionExpired(@ModelAttribute("form") RegistrationForm form, Model model) {
        model.addAttribute("welcome", welcome.welcome(form.getToken()));
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
