package com.onboarding.security;

import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * Slows down password guessing: after {@value #MAX_FAILURES} failed sign-ins for one name within
 * {@link #WINDOW}, further attempts for that name are refused until the window has passed. Counted per name,
 * existing or not, so the throttle reveals nothing about which accounts exist. In memory: a restart forgives.
 */
@Component
public class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);
    /** Above this many remembered names, names without a recent failure are forgotten (bounded memory). */
    static final int MAX_NAMES = 10_000;

    private final SlidingWindow failures;

    public LoginThrottle(Clock clock) {
        this.failures = new SlidingWindow(WINDOW, MAX_NAMES, clock);
    }

    public boolean isBlocked(String username) {
        return failures.count(username) >= MAX_FAILURES;
    }

    public void failed(String username) {
        failures.record(username);
    }

    public void succeeded(String username) {
        failures.forget(username);
    }

    int rememberedNames() {
        return failures.rememberedKeys();
    }
}
