package com.onboarding.admin;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.onboarding.ConflictException;
import com.onboarding.NotFoundException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import com.onboarding.web.PayloadTooLargeException;
import com.onboarding.web.Problems;
import com.onboarding.web.Refusal;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;

/**
 * The JSON API's refusals as RFC 9457 problem details, each with a sentence and, where a field is to blame, the
 * field; nothing was changed. Errors before a controller is chosen (unknown path, method, content type, oversize
 * body) get the same shape from the error page (web.ErrorPages).
 */
@RestControllerAdvice(basePackages = "com.onboarding.admin", annotations = RestController.class)
class ApiErrors {

    private final Problems problems;
    private final Texts texts;

    ApiErrors(Problems problems, Texts texts) {
        this.problems = problems;
        this.texts = texts;
    }

    @ExceptionHandler({RejectedRequestException.class, NotFoundException.class, AccessDeniedException.class,
            AuthorizationException.class, ConflictException.class, ConcurrencyFailureException.class,
            OptimisticLockingException.class})
    ProblemDetail refused(RuntimeException e) {
        Refusal refusal = Refusal.of(e, texts).orElseThrow();
        return problems.of(refusal.status(), refusal.message(), refusal.problems());
    }

    /** A body that is no JSON, ends too early, is too large, or has a value of the wrong type. */
    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e) {
        Throwable cause = e.getCause();
        if (cause instanceof PayloadTooLargeException tooLarge) {
            return problems.of(HttpStatus.PAYLOAD_TOO_LARGE, texts.of("error.413.limit", tooLarge.limitText()), null);
        }
        if (cause instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = field(mapping.getPath());
            return problems.of(HttpStatus.BAD_REQUEST, texts.of("api.field.wrongType", field),
                    List.of(new Problem(field, expected(mapping))));
        }
        if (cause instanceof JsonParseException parse) {
            return problems.of(HttpStatus.BAD_REQUEST, texts.of("api.json.invalid", parse.getLocation().getLineNr(),
                    parse.getLocation().getColumnNr()), null);
        }
        if (cause instanceof MismatchedInputException) {
            return problems.of(HttpStatus.BAD_REQUEST, texts.of("api.json.incomplete"), null);
        }
        return problems.of(HttpStatus.BAD_REQUEST, texts.of("api.json.expected"), null);
    }

    /** A path or query value of the wrong type: a non-numeric id, an unknown status. */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e) {
        String message = texts.of("api.value.invalid", e.getValue(), e.getName(), expected(e.getRequiredType()));
        return problems.of(HttpStatus.BAD_REQUEST, message, List.of(new Problem(e.getName(), message)));
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missing(MissingServletRequestParameterException e) {
        String message = texts.of("api.parameter.required", e.getParameterName());
        return problems.of(HttpStatus.BAD_REQUEST, message, List.of(new Problem(e.getParameterName(), message)));
    }

    private static String field(List<JsonMappingException.Reference> path) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : path) {
            if (reference.getFieldName() != null) {
                field.append(field.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.toString();
    }

    private String expected(JsonMappingException mapping) {
        if (mapping instanceof InvalidFormatException invalid) {
            return texts.of("api.value.notType", invalid.getValue(), expected(invalid.getTargetType()));
        }
        if (mapping instanceof MismatchedInputException mismatch) {
            return texts.of("api.value.expected", expected(mismatch.getTargetType()));
        }
        return texts.of("api.value.wrongType");
    }

    private String expected(Class<?> type) {
        if (type == null) {
            return texts.of("api.type.other");
        }
        if (type.isEnum()) {
            return texts.of("api.type.enum", Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .collect(Collectors.joining(", ")));
        }
        if (Number.class.isAssignableFrom(type) || type == long.class || type == int.class) {
            return texts.of("api.type.number");
        }
        if (List.class.isAssignableFrom(type) || type.isArray()) {
            return texts.of("api.type.list");
        }
        if (type == String.class) {
            return texts.of("api.type.text");
        }
        return texts.of("api.type.other");
    }
}
