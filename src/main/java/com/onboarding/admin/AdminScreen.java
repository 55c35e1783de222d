package com.onboarding.admin;

import com.onboarding.RejectedRequestException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;

/** Marks the controllers of the admin screens, which share the menu and the refusal page (AdminPageAdvice). */
public interface AdminScreen {

    /**
     * A form comes back refused: status 400, the summary above the form ({@code error}) and each problem at its field
     * ({@code problems}, shown by fragments/admin :: fieldErrors). The caller adds the form's own data.
     */
    default void showRefusal(RejectedRequestException refusal, Model model, HttpServletResponse response) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        model.addAttribute("error", refusal.getMessage());
        model.addAttribute("problems", refusal.messagesByField());
    }
}
