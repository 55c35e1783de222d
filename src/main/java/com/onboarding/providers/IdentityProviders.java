package com.onboarding.providers;

import com.onboarding.PlainText;
import com.onboarding.RejectedRequestException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.Texts;
import com.onboarding.WebAddress;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.clients.Client;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.Grants;
import com.onboarding.users.EmailAddress;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients' own identity providers: a global admin names one per client (issuer, the client id and secret the
 * provider issued, an optional email domain); admins of the client see it, without the secret.
 */
@Service
public class IdentityProviders {

    /** The settings as entered; an empty secret keeps the one stored. */
    public record Settings(
            @NotBlank(message = "{provider.issuer.required}") @WebAddress String issuer,
            @NotBlank(message = "{provider.clientId.required}")
            @Size(max = IdentityProvider.MAX_CLIENT_ID, message = "{provider.clientId.tooLong}") @PlainText
            String clientId,
            @Size(max = IdentityProvider.MAX_SECRET, message = "{provider.secret.tooLong}") String clientSecret,
            @Size(max = IdentityProvider.MAX_DOMAIN, message = "{provider.domain.invalid}")
            @Pattern(regexp = DOMAIN, flags = Pattern.Flag.CASE_INSENSITIVE, message = "{provider.domain.invalid}")
            String emailDomain) {

        public Settings {
            issuer = blankToNull(issuer);
            clientId = blankToNull(clientId);
            clientSecret = clientSecret == null || clientSecret.isBlank() ? null : clientSecret.strip();
            emailDomain = blankToNull(emailDomain);
            // Issuers are compared as written in the provider's tokens: no trailing slash is added or removed.
        }

        private static String blankToNull(String text) {
            return text == null || text.isBlank() ? null : text.strip();
        }
    }

    /** A domain name such as {@code acme.example} (letters, digits, hyphens; at least two labels). */
    static final String DOMAIN = "([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final IdentityProviderRepository providers;
    private final ProviderRegistrations registrations;
    private final Grants grants;
    private final Validator validator;
    private final AuditLog audit;
    private final Clock clock;
    private final Texts texts;

    IdentityProviders(IdentityProviderRepository providers, ProviderRegistrations registrations, Grants grants,
            Validator validator, AuditLog audit, Clock clock, Texts texts) {
        this.providers = providers;
        this.registrations = registrations;
        this.grants = grants;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
        this.texts = texts;
    }

    /** The client's provider, if it has one; for the admins of that client. */
    @Transactional(readOnly = true)
    public Optional<IdentityProvider> of(long clientId, AdminScope scope) {
        grants.client(clientId, scope);
        return providers.findById(clientId);
    }

    /**
     * Sets or changes the client's provider. Checked before anything is saved: the fields' shape, a secret for a new
     * provider, and that the issuer answers with an OpenID Connect discovery document naming itself. Global admins.
     */
    @Transactional
    public IdentityProvider configure(long clientId, Settings settings, AdminScope scope) {
        scope.requireGlobal("set a client's identity provider");
        Client client = grants.client(clientId, scope);
        Optional<IdentityProvider> existing = providers.findById(clientId);
        List<Problem> problems = new ArrayList<>(RejectedRequestException.problems(validator.validate(settings)));
        if (settings.clientSecret() == null && existing.isEmpty()) {
            problems.add(new Problem("clientSecret", texts.of("provider.secret.required")));
        }
        if (problems.stream().noneMatch(problem -> problem.field().equals("issuer"))) {
            try {
                registrations.endpointsOf(settings.issuer());
            } catch (RuntimeException e) {
                problems.add(new Problem("issuer", texts.of("provider.issuer.unreachable")));
            }
        }
        if (!problems.isEmpty()) {
            throw new RejectedRequestException(texts.of("provider.notSaved"), problems);
        }
        IdentityProvider provider = existing.orElseGet(() -> new IdentityProvider(client, newRegistrationId()));
        provider.change(settings.issuer(), settings.clientId(),
                settings.clientSecret() != null ? settings.clientSecret() : provider.getClientSecret(),
                settings.emailDomain(), scope.adminId(), clock.instant());
        audit.record(scope.adminId(), AuditAction.IDENTITY_PROVIDER_CHANGED, null,
                "identity provider of " + client.getName() + ": " + settings.issuer());
        return providers.save(provider);
    }

    /** Removes the client's provider; its users sign in with a password they set through "Forgot password". */
    @Transactional
    public void remove(long clientId, AdminScope scope) {
        scope.requireGlobal("remove a client's identity provider");
        Client client = grants.client(clientId, scope);
        providers.findById(clientId).ifPresent(provider -> {
            providers.delete(provider);
            audit.record(scope.adminId(), AuditAction.IDENTITY_PROVIDER_REMOVED, null,
                    "identity provider of " + client.getName() + ": " + provider.getIssuer());
        });
    }

    /** The providers of these clients, by client name: where an invitee of theirs may register. */
    @Transactional(readOnly = true)
    public List<IdentityProvider> of(Collection<Client> clients) {
        return clients.isEmpty() ? List.of()
                : providers.findByClientIdInOrderByClientName(clients.stream().map(Client::getId).toList());
    }

    /** The provider whose domain rule covers this address (home realm discovery on the sign-in page). */
    @Transactional(readOnly = true)
    public Optional<IdentityProvider> forAddress(String email) {
        return EmailAddress.domain(email).flatMap(domain -> providers.findByEmailDomain(domain).stream().findFirst());
    }

    private static String newRegistrationId() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
