package com.onboarding.authority;

import org.camunda.bpm.engine.impl.digest.PasswordEncryptor;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Camunda users' passwords with the same Argon2id as the invitees' (instead of Camunda's salted SHA-512). Camunda
 * stores the result as {@code {ARGON2ID}<encoded hash>}; hashes of the older algorithms stay readable (Camunda keeps
 * their checkers) and are replaced at the owner's next sign-in (see AuditedIdentityProvider).
 */
class Argon2PasswordEncryptor implements PasswordEncryptor {

    static final String ALGORITHM = "ARGON2ID";

    private final PasswordEncoder argon2;

    Argon2PasswordEncryptor(PasswordEncoder argon2) {
        this.argon2 = argon2;
    }

    @Override
    public String encrypt(String password) {
        return argon2.encode(password);
    }

    @Override
    public boolean check(String password, String encrypted) {
        return argon2.matches(password, encrypted);
    }

    @Override
    public String hashAlgorithmName() {
        return ALGORITHM;
    }
}
