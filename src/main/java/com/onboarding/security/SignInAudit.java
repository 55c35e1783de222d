package com.onboarding.security;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Sign-ins and failed sign-ins go to the audit log (and feed the throttle). */
@Component
class SignInAudit {

    private final AuditLog audit;
    private final UserAccountRepository users;
    private final LoginThrottle throttle;

    SignInAudit(AuditLog audit, UserAccountRepository users, LoginThrottle throttle) {
        this.audit = audit;
        this.users = users;
        this.throttle = throttle;
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        throttle.succeeded(name);
        audit.record(name, AuditAction.SIGN_IN, subject(name), null);
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        throttle.failed(name);
        audit.record(name.length() > 254 ? name.substring(0, 254) : name, AuditAction.SIGN_IN_FAILED, subject(name),
                event.getException().getClass().getSimpleName());
    }

    private Long subject(String name) {
        return users.findByEmailNormalized(UserAccount.normalizeEmail(name)).map(UserAccount::getId).orElse(null);
    }
}
