package com.onboarding.account;

import com.onboarding.security.PasswordLinkPage;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/** The public page behind a password reset link. */
@Controller
@RequestMapping("/password-reset")
class PasswordResetController extends PasswordLinkPage {

    private final PasswordResets resets;

    PasswordResetController(PasswordResets resets) {
        this.resets = resets;
    }

    @Override
    protected String account(String token) {
        return resets.open(token).getEmail();
    }

    @Override
    protected void setPassword(String token, String password, String confirmation) {
        resets.reset(token, password, confirmation);
    }

    @Override
    protected String form() {
        return "password-reset/form";
    }

    @Override
    protected String linkInvalidHint() {
        return "reset.linkInvalid";
    }
}
