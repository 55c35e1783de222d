package com.onboarding.security;

import com.onboarding.providers.IdentityProviders;
import com.onboarding.providers.ProviderChoice;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The sign-in page, and "/" sending each person to their start page. */
@Controller
class SignInController {

    private final IdentityProviders providers;

    SignInController(IdentityProviders providers) {
        this.providers = providers;
    }

    /** After a failed sign-in: whether the name is throttled, or the credentials were simply wrong. */
    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        model.addAttribute("throttled", failure instanceof LockedException);
        return "login";
    }

    /**
     * "Continue with my company's account": the provider is found by the address's domain alone (a global admin's
     * domain rule), so the answer says nothing about whether that person has an account here.
     */
    @PostMapping("/login/provider")
    String provider(@RequestParam(required = false) String email, Model model) {
        return providers.forAddress(email).map(ProviderChoice::of).map(choice -> {
            model.addAttribute("provider", choice);
            return "provider/continue";
        }).orElse("redirect:/login?providerNone");
    }

    @GetMapping("/")
    String home(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.ADMIN));
        return admin ? "redirect:/users" : "redirect:/account";
    }
}
