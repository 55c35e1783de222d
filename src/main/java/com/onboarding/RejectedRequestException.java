package com.onboarding;

import jakarta.validation.ConstraintViolation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
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

    /** Each field's messages, for a form that shows them at their field. */
    public Map<String, List<String>> messagesByField() {
        return problems.stream().collect(Collectors.groupingBy(Problem::field, LinkedHashMap::new,
                Collectors.mapping(Problem::message, Collectors.toList())));
    }

    /** Bean Validation's findings as problems, each at its property. */
    public static <T> List<Problem> problems(Set<ConstraintViolation<T>> violations) {
        return violations.stream().map(v -> new Problem(v.getPropertyPath().toString(), v.getMessage())).toList();
    }
}
