package com.onboarding.links;

import java.time.Instant;

/** A link mailed once (an invitation, a password reset): whether it lets its holder in at this instant. */
public interface OneTimeLink {

    boolean admits(Instant now);
}
