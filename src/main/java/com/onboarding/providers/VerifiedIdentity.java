package com.onboarding.providers;

import java.io.Serializable;

/**
 * Who a provider says signed in, from its ID token (signature, issuer, audience, expiry and nonce checked by Spring
 * Security): the provider's registration here, its issuer and subject, and the email address with whether the
 * provider verified it.
 */
public record VerifiedIdentity(String registrationId, String issuer, String subject, String email,
        boolean emailVerified) implements Serializable {
}
