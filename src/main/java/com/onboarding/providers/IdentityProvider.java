package com.onboarding.providers;

import com.onboarding.clients.Client;
import com.onboarding.users.EmailAddress;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapsId;
import jakarta.persistence.OneToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Locale;

/** A client's own OpenID Connect provider, at which its users register and sign in (see V16). */
@Entity
@Table(name = "client_identity_provider")
public class IdentityProvider {

    public static final int MAX_CLIENT_ID = 200;
    public static final int MAX_SECRET = 500;
    public static final int MAX_DOMAIN = 253;

    @Id
    @Column(name = "client_id")
    private Long clientId;

    @MapsId
    @OneToOne(fetch = FetchType.EAGER)
    @JoinColumn(name = "client_id")
    private Client client;

    /** Random: in the provider's callback address and in sign-in links, naming no client. */
    @Column(name = "registration_id", nullable = false, updatable = false)
    private String registrationId;

    @Column(nullable = false)
    private String issuer;

    /** The id the provider gave this service (OAuth's client id; "client" here is the company). */
    @Column(name = "provider_client", nullable = false)
    private String providerClient;

    @Column(name = "client_secret", nullable = false)
    private String clientSecret;

    @Column(name = "email_domain")
    private String emailDomain;

    @Column(name = "changed_by", nullable = false)
    private String changedBy;

    @Column(name = "changed_at", nullable = false)
    private Instant changedAt;

    protected IdentityProvider() {
    }

    IdentityProvider(Client client, String registrationId) {
        this.client = client;
        this.registrationId = registrationId;
    }

    void change(String issuer, String providerClient, String clientSecret, String emailDomain, String by, Instant at) {
        this.issuer = issuer;
        this.providerClient = providerClient;
        this.clientSecret = clientSecret;
        this.emailDomain = emailDomain == null ? null : emailDomain.toLowerCase(Locale.ROOT);
        this.changedBy = by;
        this.changedAt = at;
    }

    /** Whether the provider vouches for this address by its domain alone (the domain rule). */
    public boolean ownsDomainOf(String email) {
        return emailDomain != null && EmailAddress.domain(email).filter(emailDomain::equals).isPresent();
    }

    public Long getClientId() {
        return clientId;
    }

    public Client getClient() {
        return client;
    }

    public String getRegistrationId() {
        return registrationId;
    }

    public String getIssuer() {
        return issuer;
    }

    public String getProviderClient() {
        return providerClient;
    }

    String getClientSecret() {
        return clientSecret;
    }

    public String getEmailDomain() {
        return emailDomain;
    }

    public String getChangedBy() {
        return changedBy;
    }

    public Instant getChangedAt() {
        return changedAt;
    }
}
