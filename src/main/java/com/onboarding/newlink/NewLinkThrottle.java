package com.onboarding.newlink;

import com.onboarding.security.SlidingWindow;
import java.time.Clock;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * At most {@value #PER_ADDRESS} requests per address a day and {@value #PER_IP} per IP address an hour, counted
 * whether the address exists or not, so the limit reveals nothing either.
 */
@Component
class NewLinkThrottle {

    static final int PER_ADDRESS = 3;
    static final int PER_IP = 10;

    private final SlidingWindow addresses;
    private final SlidingWindow ips;

    NewLinkThrottle(Clock clock) {
        this.addresses = new SlidingWindow(Duration.ofDays(1), 10_000, clock);
        this.ips = new SlidingWindow(Duration.ofHours(1), 10_000, clock);
    }

    /** Records the request and returns zero, or how long until one is allowed again (nothing recorded). */
    Duration wait(String email, String ip) {
        if (!ips.tryRecord(ip, PER_IP)) {
            return ips.retryAfter(ip, PER_IP);
        }
        if (!addresses.tryRecord(email, PER_ADDRESS)) {
            return addresses.retryAfter(email, PER_ADDRESS);
        }
        return Duration.ZERO;
    }
}
