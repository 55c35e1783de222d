package com.onboarding;

/** An action that does not fit the current state (e.g. resend to an active user); nothing changed. Shown as 409. */
public class ConflictException extends RuntimeException {

    public ConflictException(String message) {
        super(message);
    }
}
