package com.onboarding.web;

import com.onboarding.ConcurrentChangeException;
import com.onboarding.ConflictException;
import com.onboarding.NotFoundException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.AccessDeniedException;

/**
 * The one place that turns a refusal into what the person is told, in their language: its status, the sentence and,
 * for rejected input, the fields to blame. Services word their refusals; here "not found", "not allowed" and two
 * admins acting at once (an optimistic-lock failure at commit: a conflict where nothing was changed) get theirs.
 * The screens, the JSON API and the row actions all ask here.
 */
public record Refusal(HttpStatus status, String message, List<Problem> problems) {

    public static Optional<Refusal> of(Throwable failure, Texts texts) {
        if (failure instanceof RejectedRequestException rejected) {
            return Optional.of(new Refusal(HttpStatus.BAD_REQUEST, rejected.getMessage(), rejected.problems()));
        }
        if (failure instanceof NotFoundException notFound) {
            return Optional.of(new Refusal(HttpStatus.NOT_FOUND, texts.of("problem.notFound",
                    texts.of("problem.what." + notFound.what()), String.valueOf(notFound.id())), List.of()));
        }
        if (failure instanceof AccessDeniedException || failure instanceof AuthorizationException) {
            return Optional.of(new Refusal(HttpStatus.FORBIDDEN, texts.of("problem.forbidden"), List.of()));
        }
        if (failure instanceof ConcurrentChangeException || failure instanceof ConcurrencyFailureException
                || failure instanceof OptimisticLockingException) {
            return Optional.of(new Refusal(HttpStatus.CONFLICT, texts.of("problem.concurrent"), List.of()));
        }
        if (failure instanceof ConflictException) {
            return Optional.of(new Refusal(HttpStatus.CONFLICT, failure.getMessage(), List.of()));
        }
        return Optional.empty();
    }
}
