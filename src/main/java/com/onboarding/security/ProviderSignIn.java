package com.onboarding.security;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.providers.ProviderIdentities;
import com.onboarding.providers.ProviderSession;
import com.onboarding.providers.VerifiedIdentity;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.HttpSessionOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.authentication.AuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * The answer from a client's identity provider (Spring Security has checked state, PKCE, the ID token's signature,
 * issuer, audience, expiry and nonce). The provider's account itself signs nobody in here: either it completes the
 * registration that asked for it (the registration page checks it against the invitation), or it is the account a
 * user registered with, and that user is signed in with the user role; otherwise nobody is.
 */
@Component
class ProviderSignIn implements AuthenticationSuccessHandler, AuthenticationFailureHandler {

    static final String REGISTRATION_CONTINUES = "/register/provider/complete";

    /** The provider's tokens are never used after the sign-in: kept in the session only until this handler. */
    final OAuth2AuthorizedClientRepository authorizedClients = new HttpSessionOAuth2AuthorizedClientRepository();
    private final SecurityContextRepository contexts = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final ProviderIdentities identities;
    private final ApplicationEventPublisher events;
    private final AuditLog audit;

    ProviderSignIn(ProviderIdentities identities, ApplicationEventPublisher events, AuditLog audit) {
        this.identities = identities;
        this.events = events;
        this.audit = audit;
    }

    @Override
    public void onAuthenticationSuccess(HttpServletRequest request, HttpServletResponse response,
            Authentication authentication) throws IOException {
        OAuth2AuthenticationToken token = (OAuth2AuthenticationToken) authentication;
        OidcUser account = (OidcUser) token.getPrincipal();
        VerifiedIdentity identity = new VerifiedIdentity(token.getAuthorizedClientRegistrationId(),
                account.getIssuer().toString(), account.getSubject(), account.getEmail(),
                Boolean.TRUE.equals(account.getEmailVerified()));
        authorizedClients.removeAuthorizedClient(identity.registrationId(), authentication, request, response);
        boolean registering = ProviderSession.takeRegistering(request.getSession());
        Optional<String> user = registering ? Optional.empty() : identities.userSignedInBy(identity);
        signIn(user.map(email -> UsernamePasswordAuthenticationToken.authenticated(email, null,
                List.of(new SimpleGrantedAuthority("ROLE_" + Roles.USER)))).orElse(null), request, response);
        if (registering) {
            ProviderSession.verified(request.getSession(), identity);
            response.sendRedirect(request.getContextPath() + REGISTRATION_CONTINUES);
        } else if (user.isPresent()) {
            events.publishEvent(new AuthenticationSuccessEvent(SecurityContextHolder.getContext().getAuthentication()));
            response.sendRedirect(request.getContextPath() + "/");
        } else {
            audit.record(String.valueOf(identity.email()), AuditAction.SIGN_IN_FAILED, null,
                    "no user here for this account at an identity provider (" + identity.issuer() + ")");
            response.sendRedirect(request.getContextPath() + "/login?providerUnknown");
        }
    }

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        // A replayed or forged callback (no authorization request waiting), a refusal at the provider, a token
        // that failed a check: nothing changes; a registration in progress shows its form again and says so.
        boolean registering = ProviderSession.takeRegistering(request.getSession());
        response.sendRedirect(request.getContextPath()
                + (registering ? REGISTRATION_CONTINUES : "/login?providerFailed"));
    }

    /** Replaces the provider's authentication: by the user's, or by nobody. */
    private void signIn(Authentication user, HttpServletRequest request, HttpServletResponse response) {
        SecurityContext context = SecurityContextHolder.createEmptyContext();
        context.setAuthentication(user);
        SecurityContextHolder.setContext(context);
        contexts.saveContext(context, request, response);
    }
}
