package com.onboarding.security;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;

/**
 * API clients and /engine-rest send an administrator's name and password with every call (HTTP Basic); an Argon2
 * check per call would cost tens of milliseconds of CPU each. A successful administrator sign-in is therefore
 * remembered for {@link #TTL}, keyed by an HMAC of name and password under a key that exists only in this process's
 * memory (no password is kept). Only successes are remembered, so a wrong password always costs a full check; any
 * change of Camunda's users, groups or memberships forgets everything at once (AuditedIdentityProvider reports those).
 */
@Component
public class RecentSignIns {

    static final Duration TTL = Duration.ofSeconds(30);
    /** Beyond this many, everything is forgotten (bounded memory). */
    static final int MAX_ENTRIES = 10_000;

    private record Entry(Authentication authentication, Instant until) {
    }

    /** A sign-in answered from memory: it was audited when its credentials were checked, not again per call. */
    static final class Remembered extends UsernamePasswordAuthenticationToken {

        Remembered(Authentication checked) {
            super(checked.getName(), null, checked.getAuthorities());
        }
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final SecretKeySpec key;
    private final Clock clock;

    public RecentSignIns(Clock clock) {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
        this.clock = clock;
    }

    /** The sign-in of these credentials, if it succeeded within the last {@link #TTL}. */
    Authentication get(String name, String password) {
        Entry entry = entries.get(key(name, password));
        return entry != null && clock.instant().isBefore(entry.until()) ? new Remembered(entry.authentication())
                : null;
    }

    Authentication put(String name, String password, Authentication authentication) {
        if (entries.size() >= MAX_ENTRIES) {
            entries.clear();
        }
        entries.put(key(name, password), new Entry(authentication, clock.instant().plus(TTL)));
        return authentication;
    }

    /** A password, account or group changed: every remembered sign-in is checked afresh. */
    public void forgetAll() {
        entries.clear();
    }

    private String key(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return HexFormat.of().formatHex(mac.doFinal((name + '\u0000' + password).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }
}
