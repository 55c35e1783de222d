package com.onboarding.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.web.WebAttributes;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The sign-in page, and "/" sending each person to their start page. */
@Controller
class SignInController {

    /** After a failed sign-in: whether the name is throttled, or the credentials were simply wrong. */
    @GetMapping("/login")
    String login(HttpServletRequest request, Model model) {
        HttpSession session = request.getSession(false);
        Object failure = session == null ? null : session.getAttribute(WebAttributes.AUTHENTICATION_EXCEPTION);
        model.addAttribute("throttled", failure instanceof LockedException);
        return "login";
    }

    @GetMapping("/")
    String home(Authentication authentication) {
        boolean admin = authentication.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals("ROLE_" + Roles.ADMIN));
        return admin ? "redirect:/users" : "redirect:/account";
    }
}
