package com.onboarding.providers;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Spring Security's view of the clients' providers: one registration per provider row, its endpoints discovered from
 * the issuer ({@code .well-known/openid-configuration}). Discoveries are kept an hour per issuer, so a sign-in costs
 * no extra round trip; the row is read each time, so a change made on any node counts at once.
 */
@Component
public class ProviderRegistrations implements ClientRegistrationRepository {

    /** Where a provider sends its answer; the administrator registers this address at the provider. */
    public static final String CALLBACK_PATH = "/login/oauth2/code/";
    /** Where a sign-in at a provider starts (Spring Security's authorization request). */
    public static final String START_PATH = "/oauth2/authorization/";
    private static final Duration KEEP_DISCOVERY = Duration.ofHours(1);

    private record Discovered(ClientRegistration endpoints, Instant at) {
    }

    private final IdentityProviderRepository providers;
    private final Clock clock;
    private final Map<String, Discovered> discovered = new ConcurrentHashMap<>();

    ProviderRegistrations(IdentityProviderRepository providers, Clock clock) {
        this.providers = providers;
        this.clock = clock;
    }

    @Override
    @Transactional(readOnly = true)
    public ClientRegistration findByRegistrationId(String registrationId) {
        return providers.findByRegistrationId(registrationId).map(this::registration).orElse(null);
    }

    ClientRegistration registration(IdentityProvider provider) {
        return ClientRegistration.withClientRegistration(endpointsOf(provider.getIssuer()))
                .registrationId(provider.getRegistrationId())
                .clientId(provider.getProviderClient())
                .clientSecret(provider.getClientSecret())
                .clientName(provider.getClient().getName())
                .redirectUri("{baseUrl}" + CALLBACK_PATH + "{registrationId}")
                .scope("openid", "email", "profile")
                .build();
    }

    /**
     * The provider's endpoints, from its discovery document; fails (IllegalArgumentException, or an HTTP error) when
     * nothing at that address describes an OpenID Connect provider with that issuer.
     */
    ClientRegistration endpointsOf(String issuer) {
        Discovered known = discovered.get(issuer);
        if (known != null && known.at().plus(KEEP_DISCOVERY).isAfter(clock.instant())) {
            return known.endpoints();
        }
        ClientRegistration endpoints = ClientRegistrations.fromIssuerLocation(issuer)
                .registrationId("discovery").clientId("discovery").build();
        discovered.put(issuer, new Discovered(endpoints, clock.instant()));
        return endpoints;
    }
}
