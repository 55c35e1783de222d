package com.onboarding.admin.users;

import com.onboarding.admin.AdminScreen;
import com.onboarding.scopes.CurrentAdmin;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * A user's page: linked from their row, from Tasklist's forms and admin mails, and from Cockpit (the instance's
 * variable userLink).
 */
@Controller
class UserPageController implements AdminScreen {

    private final UserTimeline timeline;
    private final CurrentAdmin currentAdmin;

    UserPageController(UserTimeline timeline, CurrentAdmin currentAdmin) {
        this.timeline = timeline;
        this.currentAdmin = currentAdmin;
    }

    @GetMapping("/users/{id:\\d+}")
    String show(@PathVariable long id, Model model) {
        model.addAttribute("page", timeline.page(id, currentAdmin.scope()));
        return "users/show";
    }
}
