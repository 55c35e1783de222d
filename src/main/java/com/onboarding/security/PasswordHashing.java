package com.onboarding.security;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/**
 * The one password hash of the product, Argon2id, for invitees and (through Camunda's password encryptor) for
 * administrators alike; and a check against a throw-away hash, so that a sign-in for an unknown name costs as much
 * time as one for a known name.
 */
@Component
public class PasswordHashing {

    private final Argon2PasswordEncoder argon2 = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();
    /** The {id} prefix lets a future algorithm take over without a migration. */
    private final PasswordEncoder encoder;
    private final String throwAwayHash;

    public PasswordHashing(MeterRegistry meters) {
        // The hash's own time, so that a registration's time can be told apart from it (the benchmark prints both).
        Timer hashing = Timer.builder("onboarding.password.hash").description("Hashing a new password (Argon2id)")
                .register(meters);
        PasswordEncoder delegating = new DelegatingPasswordEncoder("argon2", Map.of("argon2", argon2));
        this.encoder = new PasswordEncoder() {
            @Override
            public String encode(CharSequence rawPassword) {
                return hashing.record(() -> delegating.encode(rawPassword));
            }

            @Override
            public boolean matches(CharSequence rawPassword, String encodedPassword) {
                return delegating.matches(rawPassword, encodedPassword);
            }

            @Override
            public boolean upgradeEncoding(String encodedPassword) {
                return delegating.upgradeEncoding(encodedPassword);
            }
        };
        byte[] random = new byte[16];
        new SecureRandom().nextBytes(random);
        throwAwayHash = argon2.encode(Base64.getEncoder().encodeToString(random));
    }

    /** Hashes with an {@code {argon2}} prefix: the application's users. */
    public PasswordEncoder encoder() {
        return encoder;
    }

    /** Plain Argon2id: Camunda adds its own {@code {ARGON2ID}} prefix. */
    public PasswordEncoder argon2() {
        return argon2;
    }

    /** Costs what checking one real password costs, and matches nothing. */
    public void spendTimeOfOneCheck(String password) {
        argon2.matches(password == null ? "" : password, throwAwayHash);
    }
}
