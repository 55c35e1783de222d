package com.onboarding.security;

import java.util.List;

/**
 * A form of the invitee or user (registration, password reset, password change) broke a rule; nothing was saved.
 * Each problem is a field and a message code, shown next to the field in the person's language.
 */
public class FormRejectedException extends RuntimeException {

    public record Problem(String field, String code) {
    }

    private final List<Problem> problems;

    public FormRejectedException(List<Problem> problems) {
        super("Form rejected: " + problems);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
