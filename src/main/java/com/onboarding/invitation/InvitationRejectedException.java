package com.onboarding.invitation;

import java.util.List;
import java.util.stream.Collectors;

/** The request to invite a user was refused; nothing was created. Each problem names its field. */
public class InvitationRejectedException extends RuntimeException {

    public record Problem(String field, String message) {
    }

    private final List<Problem> problems;

    public InvitationRejectedException(List<Problem> problems) {
        super("The invitation was not sent: " + problems.stream().map(Problem::message).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
