package com.onboarding.security;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.event.AbstractAuthenticationEvent;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.authentication.OAuth2LoginAuthenticationToken;
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
        if (event.getAuthentication() instanceof RecentSignIns.Remembered || atProvider(event)) {
            // An API client's next call with the same credentials: one audit entry per check, not per request.
            // An account at a provider is nobody here yet: ProviderSignIn records whom it signs in, if anyone.
            return;
        }
        String name = event.getAuthentication().getName();
        throttle.succeeded(name);
        record(name, AuditAction.SIGN_IN, null);
    }

    @EventListener
    @Transactional
    public void failed(AbstractAuthenticationFailureEvent event) {
        if (atProvider(event)) {
            return; // the provider's answer failed a check: no name here to throttle or to record
        }
        String name = String.valueOf(event.getAuthentication().getName());
        throttle.failed(name);
        record(name.length() > 254 ? name.substring(0, 254) : name, AuditAction.SIGN_IN_FAILED,
                event.getException().getClass().getSimpleName());
    }

    private static boolean atProvider(AbstractAuthenticationEvent event) {
        return event.getAuthentication() instanceof OAuth2LoginAuthenticationToken
                || event.getAuthentication() instanceof OAuth2AuthenticationToken;
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
