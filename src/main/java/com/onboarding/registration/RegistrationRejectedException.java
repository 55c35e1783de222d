package com.onboarding.registration;

import java.util.List;

/** The registration form broke a rule; nothing was saved. Each problem is a field and a message code. */
public class RegistrationRejectedException extends RuntimeException {

    public record Problem(String field, String code) {
    }

    private final List<Problem> problems;

    public RegistrationRejectedException(List<Problem> problems) {
        super("Registration rejected: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
