package com.onboarding.security;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Sign-ins and failed sign-ins go to the audit log (and feed the throttle). An HTTP Basic caller is recorded when
 * its credentials are checked, not on the calls that RecentSignIns answers from memory.
 */
@Component
class SignInAudit {

    private final AuditLog audit;
    private final UserAccountRepository users;
    private final LoginThrottle throttle;
    private final IdentityService identity;

    SignInAudit(AuditLog audit, UserAccountRepository users, LoginThrottle throttle, IdentityService identity) {
        this.audit = audit;
        this.users = users;
        this.throttle = throttle;
        this.identity = identity;
    }

    @EventListener
    @Transactional
    public void succeeded(AuthenticationSuccessEvent event) {
        if (event.getAuthentication() instanceof RecentSignIns.Remembered) {
            // An API client's next call with the same credentials: one audit entry per check, not per request.
            return;
        }
        String name = event.getAuthentication().getName();
        throttle.succeeded(name);
        record(name, AuditAction.SIGN_IN, null);
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        throttle.failed(name);
        record(name.length() > 254 ? name.substring(0, 254) : name, AuditAction.SIGN_IN_FAILED,
                event.getException().getClass().getSimpleName());
    }

    /** About the administrator or the user of that name, if there is one (names never contain both forms). */
    private void record(String name, AuditAction action, String details) {
        if (!name.isBlank() && identity.createUserQuery().userId(name).count() > 0) {
            audit.recordAboutAdmin(name, action, name, details);
        } else {
            audit.record(name, action, users.findByEmailNormalized(UserAccount.normalizeEmail(name))
                    .map(UserAccount::getId).orElse(null), details);
        }
    }
}
