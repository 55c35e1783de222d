package com.onboarding.providers;

import jakarta.servlet.http.HttpSession;
import java.util.Optional;

/**
 * What a round trip to a provider leaves in the person's session: that it was started to register (rather than to
 * sign in), and afterwards who the provider said signed in. Each is taken once, so a replayed callback finds nothing.
 */
public final class ProviderSession {

    private static final String REGISTERING = ProviderSession.class.getName() + ".registering";
    private static final String VERIFIED = ProviderSession.class.getName() + ".verified";

    private ProviderSession() {
    }

    /** The next answer from a provider completes a registration (see the registration page). */
    public static void startRegistration(HttpSession session) {
        session.setAttribute(REGISTERING, Boolean.TRUE);
        session.removeAttribute(VERIFIED);
    }

    /** Whether the answer arriving now was asked for by a registration; forgets it. */
    public static boolean takeRegistering(HttpSession session) {
        boolean registering = session.getAttribute(REGISTERING) != null;
        session.removeAttribute(REGISTERING);
        return registering;
    }

    public static void verified(HttpSession session, VerifiedIdentity identity) {
        session.setAttribute(VERIFIED, identity);
    }

    /** Who the provider said signed in, for the registration that asked; forgets it. */
    public static Optional<VerifiedIdentity> takeVerified(HttpSession session) {
        Object identity = session.getAttribute(VERIFIED);
        session.removeAttribute(VERIFIED);
        return Optional.ofNullable((VerifiedIdentity) identity);
    }
}
