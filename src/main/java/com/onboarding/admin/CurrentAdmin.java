package com.onboarding.admin;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/** The signed-in administrator's scope, for controllers. */
@Component
public class CurrentAdmin {

    private final AdminScopes scopes;

    public CurrentAdmin(AdminScopes scopes) {
        this.scopes = scopes;
    }

    public AdminScope scope() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return scopes.of(authentication == null ? null : authentication.getName());
    }
}
