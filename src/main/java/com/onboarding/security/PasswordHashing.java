package com.onboarding.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The one password hash of the product, Argon2id, for invitees and (through Camunda's password encryptor) for
 * administrators alike; and a check against a throw-away hash, so that a sign-in for an unknown name costs as much
 * time as one for a known name. At most {@link #AT_ONCE} hashes are computed at once, the rest wait their turn: each
 * holds 16 MiB while it runs, and a burst of registrations or sign-ins (hostile or not) must not exhaust the heap;
 * more at once than there are cores would only make each one slower. Their memory is pooled (PooledArgon2).
 */
@Component
public class PasswordHashing {

    static final int AT_ONCE = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final Semaphore turns = new Semaphore(AT_ONCE, true);
    private final PasswordEncoder argon2;
    /** The {id} prefix lets a future algorithm take over without a migration. */
    private final PasswordEncoder encoder;
    private final String throwAwayHash;

    public PasswordHashing(MeterRegistry meters) {
        // A new hash's own time (without the wait for a turn), so that a registration's time can be told apart from
        // it (the benchmark prints both).
        Timer hashing = Timer.builder("onboarding.password.hash").description("Hashing a new password (Argon2id)")
                .register(meters);
        PooledArgon2 plain = new PooledArgon2(AT_ONCE);
        this.argon2 = inTurn(plain, hashing);
        this.encoder = new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        // Made once at start-up, alone: no turn to wait for, and no new password for the timer.
        throwAwayHash = plain.encode(Base64.getEncoder().encodeToString(random));
    }

    /** Hashes with an {@code {argon2}} prefix: the application's users. */
    public PasswordEncoder encoder() {
        return encoder;
    }

    /** Plain Argon2id: Camunda adds its own {@code {ARGON2ID}} prefix. */
    public PasswordEncoder argon2() {
        return argon2;
    }

    /** The encoder, computing at most {@link #AT_ONCE} hashes at a time. */
    private PasswordEncoder inTurn(PasswordEncoder encoder, Timer hashing) {
        return new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return inTurn(() -> hashing.record(() -> encoder.encode(rawPassword)));
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return inTurn(() -> encoder.matches(rawPassword, encodedPassword));
            }

            @Override
            public boolean upgradeEncoding(String encodedPassword) {
                return encoder.upgradeEncoding(encodedPassword);
            }
        };
    }

    /** Runs one hash computation once a turn is free. */
    private <T> T inTurn(Supplier<T> computation) {
        turns.acquireUninterruptibly();
        try {
            return computation.get();
        } finally {
            turns.release();
        }
    }

    /** Costs what checking one real password costs, and matches nothing. */
    public void spendTimeOfOneCheck(String password) {
        argon2.matches(password == null ? "" : password, throwAwayHash);
    }
}
