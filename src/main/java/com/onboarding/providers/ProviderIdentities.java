package com.onboarding.providers;

import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.Texts;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserStatus;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Users' accounts at their clients' providers: linked once, when the invitee registers there, and found again at each
 * sign-in by the provider's issuer and subject (never by the email address, which a provider may let people change).
 */
@Service
public class ProviderIdentities {

    /** The form field the refusals belong to: the button that started the sign-in at the provider. */
    public static final String FIELD = "provider";

    private final IdentityProviderRepository providers;
    private final ProviderIdentityRepository identities;
    private final UserAccountRepository users;
    private final AuditLog audit;
    private final Clock clock;
    private final Texts texts;

    ProviderIdentities(IdentityProviderRepository providers, ProviderIdentityRepository identities,
            UserAccountRepository users, AuditLog audit, Clock clock, Texts texts) {
        this.providers = providers;
        this.identities = identities;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
        this.texts = texts;
    }

    /**
     * Why this identity cannot become the invitee's account, if it cannot: the provider is not one of the invitee's
     * clients' (any more), the address differs from the invitation's, the provider did not verify it (and no domain
     * rule vouches for it), or the account already belongs to someone else here.
     */
    @Transactional(readOnly = true)
    public List<Problem> problems(UserAccount invitee, VerifiedIdentity identity) {
        Optional<IdentityProvider> provider = providerOf(invitee, identity);
        if (provider.isEmpty()) {
            return List.of(new Problem(FIELD, texts.of("provider.gone")));
        }
        if (identity.email() == null
                || !UserAccount.normalizeEmail(identity.email()).equals(UserAccount.normalizeEmail(invitee.getEmail()))) {
            return List.of(new Problem(FIELD, texts.of("provider.wrongEmail", provider.get().getClient().getName(),
                    identity.email() == null ? "–" : identity.email(), invitee.getEmail())));
        }
        if (!identity.emailVerified() && !provider.get().ownsDomainOf(identity.email())) {
            return List.of(new Problem(FIELD, texts.of("provider.unverified", provider.get().getClient().getName())));
        }
        if (identities.findByIssuerAndSubject(identity.issuer(), identity.subject())
                .filter(linked -> !linked.getUserId().equals(invitee.getId())).isPresent()) {
            return List.of(new Problem(FIELD, texts.of("provider.taken")));
        }
        return List.of();
    }

    /** Makes the identity the invitee's way to sign in; call when {@link #problems} is empty. */
    @Transactional
    public void link(UserAccount invitee, VerifiedIdentity identity) {
        IdentityProvider provider = providerOf(invitee, identity).orElseThrow();
        identities.save(new ProviderIdentity(invitee.getId(), provider.getClientId(), identity.issuer(),
                identity.subject(), clock.instant()));
        audit.record(invitee.getEmail(), AuditAction.PROVIDER_ACCOUNT_LINKED, invitee.getId(),
                "at the identity provider of " + provider.getClient().getName());
    }

    /**
     * The active user this identity signs in, if any: linked at registration, through the same provider (the same
     * registration here), still a client of the user.
     */
    @Transactional(readOnly = true)
    public Optional<String> userSignedInBy(VerifiedIdentity identity) {
        return providers.findByRegistrationId(identity.registrationId())
                .filter(provider -> provider.getIssuer().equals(identity.issuer()))
                .flatMap(provider -> identities.findByIssuerAndSubject(identity.issuer(), identity.subject())
                        .filter(linked -> linked.getClientId().equals(provider.getClientId()))
                        .flatMap(linked -> users.findById(linked.getUserId()))
                        .filter(user -> user.getStatus() == UserStatus.ACTIVE)
                        .filter(user -> user.getClients().stream()
                                .anyMatch(client -> client.getId().equals(provider.getClientId()))))
                .map(UserAccount::getEmail);
    }

    /** Where this user signs in, if they registered at their client's provider (and it is still there). */
    @Transactional(readOnly = true)
    public Optional<ProviderChoice> signInOf(long userId) {
        return identities.findById(userId).flatMap(linked -> providers.findById(linked.getClientId()))
                .map(ProviderChoice::of);
    }

    /** The provider of one of the invitee's clients with this registration id: where they may register. */
    @Transactional(readOnly = true)
    public Optional<ProviderChoice> offeredTo(UserAccount invitee, String registrationId) {
        return offered(invitee, registrationId).map(ProviderChoice::of);
    }

    private Optional<IdentityProvider> offered(UserAccount invitee, String registrationId) {
        return registrationId == null ? Optional.empty() : providers.findByRegistrationId(registrationId)
                .filter(provider -> invitee.getClients().stream()
                        .anyMatch(client -> client.getId().equals(provider.getClientId())));
    }

    /** The offered provider that issued this identity. */
    private Optional<IdentityProvider> providerOf(UserAccount invitee, VerifiedIdentity identity) {
        return offered(invitee, identity.registrationId())
                .filter(provider -> provider.getIssuer().equals(identity.issuer()));
    }
}
