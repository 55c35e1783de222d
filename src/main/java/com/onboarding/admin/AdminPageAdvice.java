package com.onboarding.admin;

import com.onboarding.ConflictException;
import com.onboarding.NotFoundException;
import com.onboarding.Texts;
import com.onboarding.providers.IdentityProvider;
import com.onboarding.invitation.Invitation;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.CurrentAdmin;
import com.onboarding.users.EmailAddress;
import com.onboarding.users.UserAccount;
import com.onboarding.web.Refusal;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Shared by the admin screens: the menu's data, the fields' limits, and the page for refused actions. */
@ControllerAdvice(assignableTypes = AdminScreen.class)
class AdminPageAdvice {

    private final CurrentAdmin currentAdmin;
    private final AuthorizationService authorizations;
    private final IdentityService identity;
    private final Texts text;

    AdminPageAdvice(CurrentAdmin currentAdmin, AuthorizationService authorizations, IdentityService identity,
            Texts text) {
        this.currentAdmin = currentAdmin;
        this.authorizations = authorizations;
        this.identity = identity;
        this.text = text;
    }

    @ModelAttribute("admin")
    AdminScope admin() {
        return currentAdmin.scope();
    }

    /** The Camunda webapps this admin may open, for the menu (Camunda's authorizations decide). */
    @ModelAttribute("apps")
    Set<String> apps() {
        String adminId = currentAdmin.scope().adminId();
        if (adminId == null) {
            return Set.of();
        }
        List<String> groups = identity.createGroupQuery().groupMember(adminId).list().stream().map(Group::getId).toList();
        return Stream.of("tasklist", "cockpit", "admin")
                .filter(app -> authorizations.isUserAuthorized(adminId, groups, Permissions.ACCESS, Resources.APPLICATION, app))
                .collect(Collectors.toSet());
    }

    /** The fields' limits for the forms' maxlength, from the one declaration of each. */
    @ModelAttribute("limits")
    Map<String, Integer> limits() {
        return Map.ofEntries(Map.entry("email", EmailAddress.MAX_LENGTH), Map.entry("name", UserAccount.MAX_NAME),
                Map.entry("personalText", Invitation.MAX_PERSONAL_TEXT),
                Map.entry("clientName", com.onboarding.clients.Client.MAX_NAME),
                Map.entry("landingUrl", com.onboarding.WebAddress.MAX_LENGTH),
                Map.entry("termsText", com.onboarding.terms.ClientTerms.MAX_TEXT),
                Map.entry("linkValidityMin", Invitation.MIN_LINK_VALIDITY_DAYS),
                Map.entry("linkValidityMax", Invitation.MAX_LINK_VALIDITY_DAYS),
                Map.entry("providerClientId", IdentityProvider.MAX_CLIENT_ID),
                Map.entry("providerSecret", IdentityProvider.MAX_SECRET),
                Map.entry("providerDomain", IdentityProvider.MAX_DOMAIN),
                Map.entry("rejectionReason", com.onboarding.approval.FourEyes.MAX_REASON));
    }

    @ExceptionHandler({NotFoundException.class, AccessDeniedException.class, AuthorizationException.class,
            ConflictException.class, ConcurrencyFailureException.class, OptimisticLockingException.class})
    String refused(RuntimeException e, Model model, HttpServletResponse response) {
        Refusal refusal = Refusal.of(e, text).orElseThrow();
        return problem(refusal.status().value(), text.of("problem.title." + refusal.status().value()),
                refusal.message(), model, response);
    }

    /** An address with a value of the wrong kind, e.g. a non-numeric id or an unknown status: a sentence, not a trace. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badValue(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return problem(HttpServletResponse.SC_BAD_REQUEST, text.of("problem.badValue.title"),
                text.of("problem.badValue", e.getValue(), e.getName()), model, response);
    }

    private String problem(int status, String title, String message, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("admin", admin());
        model.addAttribute("apps", apps());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "admin/problem";
    }
}
