package com.onboarding.admin;

import com.onboarding.invitation.ConcurrentInvitationChangeException;
import com.onboarding.ConflictException;
import jakarta.servlet.http.HttpServletResponse;
import org.camunda.bpm.engine.AuthorizationException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/** Shared by the admin screens: the menu's data and the pages for refused actions. */
@ControllerAdvice(assignableTypes = {UsersController.class, ClientsController.class, AdminsController.class})
class AdminPageAdvice {

    private final CurrentAdmin currentAdmin;

    AdminPageAdvice(CurrentAdmin currentAdmin) {
        this.currentAdmin = currentAdmin;
    }

    @ModelAttribute("admin")
    AdminScope admin() {
        return currentAdmin.scope();
    }

    @ExceptionHandler(NotFoundException.class)
    String notFound(NotFoundException e, Model model, HttpServletResponse response) {
        return problem(HttpServletResponse.SC_NOT_FOUND, "Not found", e.getMessage(), model, response);
    }

    @ExceptionHandler({AccessDeniedException.class, AuthorizationException.class})
    String forbidden(RuntimeException e, Model model, HttpServletResponse response) {
        return problem(HttpServletResponse.SC_FORBIDDEN, "Not allowed", e.getMessage(), model, response);
    }

    @ExceptionHandler({ConflictException.class, ConcurrentInvitationChangeException.class,
            ConcurrencyFailureException.class})
    String conflict(RuntimeException e, Model model, HttpServletResponse response) {
        String message = e instanceof ConcurrencyFailureException
                ? new ConcurrentInvitationChangeException(e).getMessage() : e.getMessage();
        return problem(HttpServletResponse.SC_CONFLICT, "Nothing was changed", message, model, response);
    }

    /** An address with a value of the wrong kind, e.g. a non-numeric id or an unknown status: a sentence, not a trace. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    String badValue(MethodArgumentTypeMismatchException e, Model model, HttpServletResponse response) {
        return problem(HttpServletResponse.SC_BAD_REQUEST, "Not a valid address",
                "'" + e.getValue() + "' is not a valid " + e.getName() + ".", model, response);
    }

    private String problem(int status, String title, String message, Model model, HttpServletResponse response) {
        response.setStatus(status);
        model.addAttribute("admin", admin());
        model.addAttribute("title", title);
        model.addAttribute("message", message);
        return "admin/problem";
    }
}
