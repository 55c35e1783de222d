package com.onboarding;

import java.util.List;
import java.util.stream.Collectors;

/** A request broke one or more rules; nothing was changed. Each problem names its field. */
public class RejectedRequestException extends RuntimeException {

    public record Problem(String field, String message) {
    }

    private final List<Problem> problems;

    public RejectedRequestException(String summary, List<Problem> problems) {
        super(summary + " " + problems.stream().map(Problem::message).collect(Collectors.joining(" ")));
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
