package com.onboarding.support;

import java.util.Map;
import no.nav.security.mock.oauth2.MockOAuth2Server;
import no.nav.security.mock.oauth2.token.DefaultOAuth2TokenCallback;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A real OpenID Connect provider for a test class (mock-oauth2-server on a free port: discovery, JWKS, signed ID
 * tokens, the authorization code flow), as {@code @RegisterExtension static OpenIdProvider provider = new ...}.
 */
public final class OpenIdProvider implements BeforeAllCallback, AfterAllCallback {

    /** Who the provider says signed in, and whether it vouches for the address. */
    public record Account(String subject, String email, boolean emailVerified) {
    }

    private final MockOAuth2Server server = new MockOAuth2Server();

    @Override
    public void beforeAll(ExtensionContext context) {
        server.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        server.shutdown();
    }

    /** The issuer of one of the server's providers (each id is a provider of its own). */
    public String issuer(String providerId) {
        return server.issuerUrl(providerId).toString();
    }

    /** The account the provider's next ID token names (a person signing in there). */
    public void nextSignIn(String providerId, Account account) {
        server.enqueueCallback(new DefaultOAuth2TokenCallback(providerId, account.subject(), "JWT", null,
                Map.of("email", account.email(), "email_verified", account.emailVerified()), 3600));
    }
}
