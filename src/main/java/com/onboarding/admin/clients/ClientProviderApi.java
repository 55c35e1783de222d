package com.onboarding.admin.clients;

import com.onboarding.NotFoundException;
import com.onboarding.providers.IdentityProvider;
import com.onboarding.providers.IdentityProviders;
import com.onboarding.providers.IdentityProviders.Settings;
import com.onboarding.providers.ProviderRegistrations;
import com.onboarding.scopes.CurrentAdmin;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/clients/{id}/identity-provider")
@Tag(name = "Clients")
class ClientProviderApi {

    /** The provider as admins see it: never its secret; {@code redirectUri} is to be registered at the provider. */
    record ProviderBody(String issuer, String clientId, String emailDomain, String redirectUri, String changedBy,
            Instant changedAt) {
        static ProviderBody of(IdentityProvider provider) {
            return new ProviderBody(provider.getIssuer(), provider.getProviderClient(), provider.getEmailDomain(),
                    ServletUriComponentsBuilder.fromCurrentContextPath()
                            .path(ProviderRegistrations.CALLBACK_PATH + provider.getRegistrationId()).toUriString(),
                    provider.getChangedBy(), provider.getChangedAt());
        }
    }

    private final IdentityProviders providers;
    private final CurrentAdmin currentAdmin;

    ClientProviderApi(IdentityProviders providers, CurrentAdmin currentAdmin) {
        this.providers = providers;
        this.currentAdmin = currentAdmin;
    }

    @GetMapping
    @Operation(summary = "The client's own OpenID Connect provider (404: none)")
    ProviderBody get(@PathVariable long id) {
        return providers.of(id, currentAdmin.scope()).map(ProviderBody::of)
                .orElseThrow(() -> new NotFoundException("Identity provider of client", id));
    }

    @PutMapping
    @Operation(summary = "Set or change the client's provider (issuer, clientId, clientSecret: empty keeps the stored "
            + "one, emailDomain: optional); the issuer must answer OpenID Connect discovery. Global admins")
    ProviderBody put(@PathVariable long id, @RequestBody Settings body) {
        return ProviderBody.of(providers.configure(id, body, currentAdmin.scope()));
    }

    @DeleteMapping
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the client's provider; its users then sign in with a password set through "
            + "\"Forgot password\". Global admins")
    void delete(@PathVariable long id) {
        providers.remove(id, currentAdmin.scope());
    }
}
