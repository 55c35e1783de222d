package com.onboarding.passkeys;

/** The user has no password: their last passkey is their only way in, and stays. */
public class LastPasskeyException extends RuntimeException {

    public LastPasskeyException() {
        super("This is your only way to sign in: add another passkey before you remove this one.");
    }
}
