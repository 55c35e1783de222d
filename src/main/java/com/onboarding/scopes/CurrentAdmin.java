package com.onboarding.scopes;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * The signed-in administrator's scope, for controllers. Looked up once per request (the menu, the controller and
 * the error pages all ask), since it costs queries to Camunda's identity service and the scope tables.
 */
@Component
public class CurrentAdmin {

    private static final String REQUEST_ATTRIBUTE = CurrentAdmin.class.getName() + ".scope";

    private final AdminScopes scopes;

    public CurrentAdmin(AdminScopes scopes) {
        this.scopes = scopes;
    }

    public AdminScope scope() {
        RequestAttributes request = RequestContextHolder.getRequestAttributes();
        if (request == null) {
            return load();
        }
        AdminScope scope = (AdminScope) request.getAttribute(REQUEST_ATTRIBUTE, RequestAttributes.SCOPE_REQUEST);
        if (scope == null) {
            scope = load();
            request.setAttribute(REQUEST_ATTRIBUTE, scope, RequestAttributes.SCOPE_REQUEST);
        }
        return scope;
    }

    /**
     * The signed-in administrator's id alone, for a call whose service loads the scope itself (an invitation's
     * rules do): loading it here as well would cost the same queries twice.
     */
    public String id() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication == null ? null : authentication.getName();
    }

    private AdminScope load() {
        return scopes.of(id());
    }
}
