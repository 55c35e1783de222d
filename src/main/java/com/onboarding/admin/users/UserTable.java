package com.onboarding.admin.users;

import com.onboarding.scopes.AdminScope;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/** What the user table (templates/users/table.html) needs, on the Users screen and a client's Users tab. */
@Component
public class UserTable {

    private final UserDirectory directory;

    UserTable(UserDirectory directory) {
        this.directory = directory;
    }

    public void addTo(Model model, UserSearch search, AdminScope scope) {
        model.addAttribute("users", directory.search(search, scope));
        model.addAttribute("q", search.query());
        model.addAttribute("status", search.status());
        model.addAttribute("client", search.clientId());
        model.addAttribute("sort", search.sort());
        model.addAttribute("dir", search.dir());
        model.addAttribute("statuses", UserListStatus.values());
        model.addAttribute("search", search);
    }
}
