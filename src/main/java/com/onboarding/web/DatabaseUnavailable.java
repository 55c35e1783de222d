package com.onboarding.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Set;
import org.hibernate.TransactionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * While the database is away (restarting, failing over, unreachable) a request cannot be served, but it is not
 * the caller's fault and it is worth repeating: it is answered 503 with {@code Retry-After}, as a page or as
 * problem details (the error page, {@link ErrorPages}), instead of a 500. Its transaction never committed, so
 * nothing of it was kept. Wraps every other filter, sign-in included, which reads the database as well.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
class DatabaseUnavailable extends OncePerRequestFilter {

    /** Seconds a caller is asked to wait: a database restart or a pool reconnecting takes a few seconds. */
    static final int RETRY_AFTER_SECONDS = 5;

    private static final Logger LOG = LoggerFactory.getLogger(DatabaseUnavailable.class);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        try {
            chain.doFilter(request, response);
        } catch (ServletException | IOException | RuntimeException failure) {
            if (!isDatabaseAway(failure) || response.isCommitted()) {
                throw failure;
            }
            LOG.warn("Database unavailable, answered {} {} with 503: {}", request.getMethod(), request.getRequestURI(),
                    rootMessage(failure));
            response.resetBuffer();
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(RETRY_AFTER_SECONDS));
            response.sendError(HttpStatus.SERVICE_UNAVAILABLE.value());
        }
    }

    /**
     * Whether the failure is the database connection failing (not a statement the database refused): a connection
     * error anywhere in the chain (causes and a batch's next exceptions), or a commit or rollback that failed on the
     * connection itself. The last is how a cut connection usually surfaces: the statement fails, the pool discards the
     * broken connection, and the rollback that follows fails on it and replaces the first error.
     */
    static boolean isDatabaseAway(Throwable failure) {
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        while (!pending.isEmpty()) {
            Throwable cause = pending.pop();
            if (!seen.add(cause)) {
                continue;
            }
            if (cause instanceof SQLTransientConnectionException || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof ConnectException
                    || (cause instanceof TransactionException && cause.getCause() instanceof SQLException)) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                // Class 08: connection exception; 57P01-57P03: the server is shutting down or starting up.
                if (sql.getSQLState() != null && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("57P"))) {
                    return true;
                }
                if (sql.getNextException() != null) {
                    pending.push(sql.getNextException());
                }
            }
            if (cause.getCause() != null) {
                pending.push(cause.getCause());
            }
        }
        return false;
    }

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }
}
