package com.onboarding.providers;

import java.io.Serializable;

/** A provider as the invitee and the user see it: whose it is, and where a sign-in there starts. */
public record ProviderChoice(String registrationId, String client) implements Serializable {

    public static ProviderChoice of(IdentityProvider provider) {
        return new ProviderChoice(provider.getRegistrationId(), provider.getClient().getName());
    }

    /** Spring Security's start of a sign-in at this provider (state, nonce and PKCE are made there). */
    public String startPath() {
        return ProviderRegistrations.START_PATH + registrationId;
    }
}
