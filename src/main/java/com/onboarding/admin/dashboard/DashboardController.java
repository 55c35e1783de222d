package com.onboarding.admin.dashboard;

import com.onboarding.Durations;
import com.onboarding.admin.AdminScreen;
import com.onboarding.scopes.CurrentAdmin;
import java.util.Locale;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** The admin page "Onboarding": the funnel of the admin's clients. */
@Controller
class DashboardController implements AdminScreen {

    private final OnboardingDashboard dashboard;
    private final CurrentAdmin currentAdmin;

    DashboardController(OnboardingDashboard dashboard, CurrentAdmin currentAdmin) {
        this.dashboard = dashboard;
        this.currentAdmin = currentAdmin;
    }

    @GetMapping("/dashboard")
    String show(Model model, Locale locale) {
        OnboardingDashboard.Figures figures = dashboard.figures(currentAdmin.scope());
        model.addAttribute("figures", figures);
        model.addAttribute("medianText", figures.medianTimeToAccept() == null ? null
                : Durations.roughly(figures.medianTimeToAccept(), locale));
        model.addAttribute("days", OnboardingDashboard.DAYS);
        return "dashboard/show";
    }
}
