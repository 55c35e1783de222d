package com.onboarding.admin.scopes;

import com.onboarding.security.PasswordLinkPage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The public page behind a new administrator's link: they set their own password, then sign in. */
@Controller
@RequestMapping("/admin-setup")
class AdminSetupController extends PasswordLinkPage {

    private final AdminAccounts accounts;

    AdminSetupController(AdminAccounts accounts) {
        this.accounts = accounts;
    }

    @Override
    protected String account(String token) {
        return accounts.open(token);
    }

    @Override
    protected void setPassword(String token, String password, String confirmation) {
        accounts.setPassword(token, password, confirmation);
    }

    @Override
    protected String form() {
        return "admin-setup/form";
    }

    @Override
    protected String linkInvalidHint() {
        return "adminSetup.linkInvalid";
    }
}
