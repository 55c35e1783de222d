package com.onboarding.account;

import com.onboarding.RejectedRequestException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.passkeys.LastPasskeyException;
import com.onboarding.passkeys.Passkeys;
import com.onboarding.terms.ClientTerms;
import com.onboarding.terms.Terms;
import com.onboarding.users.UserAccount;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import com.onboarding.security.PasswordPolicy;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** A registered user's account page: their data, role, permissions and clients; change password. */
@Controller
@RequestMapping("/account")
class AccountController {

    private final AccountService accounts;
    private final Terms terms;
    private final Passkeys passkeys;

    AccountController(AccountService accounts, Terms terms, Passkeys passkeys) {
        this.accounts = accounts;
        this.terms = terms;
        this.passkeys = passkeys;
    }

    @GetMapping
    String show(Authentication authentication, Model model) {
        UserAccount user = accounts.of(authentication.getName());
        model.addAttribute("user", user);
        model.addAttribute("acceptedTerms", terms.accepted(user.getId()));
        model.addAttribute("passkeys", passkeys.of(user.getEmail()));
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

    /** Removes one of the signed-in user's passkeys (another person's id answers "not found"). */
    @PostMapping("/passkeys/{id}/delete")
    String removePasskey(Authentication authentication, @PathVariable String id, RedirectAttributes redirect,
            HttpServletResponse response) throws java.io.IOException {
        try {
            if (!passkeys.remove(accounts.of(authentication.getName()).getEmail(), id)) {
                response.sendError(HttpServletResponse.SC_NOT_FOUND);
                return null;
            }
        } catch (LastPasskeyException e) {
            redirect.addFlashAttribute("passkeyKept", true);
            return "redirect:/account";
        }
        redirect.addFlashAttribute("passkeyRemoved", true);
        return "redirect:/account";
    }

    /** New versions of the clients' terms, to accept before going on (terms.TermsGate leads here). */
    @GetMapping("/terms")
    String pendingTerms(Authentication authentication, Model model) {
        UserAccount user = accounts.of(authentication.getName());
        List<ClientTerms> pending = terms.pending(user);
        if (pending.isEmpty()) {
            return "redirect:/account";
        }
        model.addAttribute("terms", pending);
        return "account/terms";
    }

    @PostMapping("/terms")
    String acceptTerms(Authentication authentication, @RequestParam(required = false) List<Long> acceptedTerms,
            Model model, HttpServletResponse response) {
        UserAccount user = accounts.of(authentication.getName());
        List<Long> ticked = acceptedTerms == null ? List.of() : acceptedTerms;
        List<Problem> problems = terms.unaccepted(user, ticked);
        if (!problems.isEmpty()) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("terms", terms.pending(user));
            model.addAttribute("ticked", ticked);
            model.addAttribute("errors", problems.stream().map(Problem::message).toList());
            return "account/terms";
        }
        terms.accept(user, ticked);
        return "redirect:/account";
    }
}
