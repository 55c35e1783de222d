package com.onboarding.admin;

import com.onboarding.ConflictException;
import com.onboarding.RejectedRequestException;
import com.onboarding.invitation.ConcurrentInvitationChangeException;
import java.util.NoSuchElementException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** The API's refusals as RFC 9457 problem details, each with a clear message; nothing was changed. */
@RestControllerAdvice(assignableTypes = {UsersApi.class, ClientsApi.class})
class ApiErrors {

    @ExceptionHandler(RejectedRequestException.class)
    ProblemDetail rejected(RejectedRequestException e) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
        problem.setProperty("problems", e.problems());
        return problem;
    }

    @ExceptionHandler({NotFoundException.class, NoSuchElementException.class})
    ProblemDetail notFound(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail forbidden(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler({ConflictException.class, ConcurrentInvitationChangeException.class})
    ProblemDetail conflict(RuntimeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
    }

    @ExceptionHandler(ConcurrencyFailureException.class)
    ProblemDetail concurrent(ConcurrencyFailureException e) {
        return conflict(new ConcurrentInvitationChangeException(e));
    }
}
