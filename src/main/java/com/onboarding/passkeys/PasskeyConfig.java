package com.onboarding.passkeys;

import com.onboarding.OnboardingProperties;
import java.net.URI;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.JdbcOperations;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialRpEntity;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;

/**
 * Spring Security's passkey support (WebAuthn4J underneath), its credentials in the database (V15), bound to this
 * service's domain. SecurityConfig turns the sign-in endpoints on; {@link Passkeys} is the application's view.
 */
@Configuration
@EnableConfigurationProperties(PasskeySettings.class)
class PasskeyConfig {

    /** The origins allowed to use passkeys; read at every verification, so the tests' port can join after start. */
    private final Set<String> origins = ConcurrentHashMap.newKeySet();
    private final PasskeySettings settings;
    private final OnboardingProperties properties;

    PasskeyConfig(PasskeySettings settings, OnboardingProperties properties) {
        this.settings = settings;
        this.properties = properties;
        URI base = properties.publicBaseUrl();
        if (settings.getAllowedOrigins().isEmpty()) {
            origins.add(base.getScheme() + "://" + base.getRawAuthority());
        } else {
            origins.addAll(settings.getAllowedOrigins());
        }
    }

    @Bean
    JdbcPublicKeyCredentialUserEntityRepository passkeyUserEntities(JdbcOperations jdbc) {
        return new JdbcPublicKeyCredentialUserEntityRepository(jdbc);
    }

    @Bean
    JdbcUserCredentialRepository passkeyCredentials(JdbcOperations jdbc) {
        return new JdbcUserCredentialRepository(jdbc);
    }

    @Bean
    Webauthn4JRelyingPartyOperations passkeyRelyingParty(JdbcPublicKeyCredentialUserEntityRepository userEntities,
            JdbcUserCredentialRepository credentials) {
        String rpId = settings.getRpId() == null || settings.getRpId().isBlank()
                ? properties.publicBaseUrl().getHost() : settings.getRpId();
        return new Webauthn4JRelyingPartyOperations(userEntities, credentials,
                PublicKeyCredentialRpEntity.builder().id(rpId).name("Onboarding").build(), origins);
    }

    @EventListener
    void serverStarted(WebServerInitializedEvent event) {
        if (settings.isLocalhostAnyPort()) {
            origins.add("http://localhost:" + event.getWebServer().getPort());
        }
    }
}
