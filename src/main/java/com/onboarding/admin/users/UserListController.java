package com.onboarding.admin.users;

import com.onboarding.admin.AdminScreen;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.CurrentAdmin;
import com.onboarding.scopes.Grants;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The Users screen: the list with its filters, order and pages (the table is users/table.html). */
@Controller
class UserListController implements AdminScreen {

    private final UserTable table;
    private final Grants grants;
    private final CurrentAdmin currentAdmin;

    UserListController(UserTable table, Grants grants, CurrentAdmin currentAdmin) {
        this.table = table;
        this.grants = grants;
        this.currentAdmin = currentAdmin;
    }

    @GetMapping("/users")
    String list(@RequestParam(required = false) String q, @RequestParam(required = false) UserListStatus status,
            @RequestParam(required = false) Long client, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(defaultValue = "0") int page, Model model) {
        AdminScope scope = currentAdmin.scope();
        table.addTo(model, new UserSearch(q, status, client, sort, dir, page), scope);
        model.addAttribute("clientChoices", grants.clients(scope));
        return "users/list";
    }
}
