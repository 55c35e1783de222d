package com.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletException;
import java.sql.BatchUpdateException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.TransactionException;
import org.junit.jupiter.api.Test;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.orm.jpa.JpaSystemException;
import org.springframework.transaction.CannotCreateTransactionException;

/** Which failures mean "the database is away" (503, retry) and which are a refused statement (a defect: 500). */
class DatabaseUnavailableTest {

    @Test
    void connectionFailures_areTheDatabaseBeingAway() {
        // Hikari found no connection in time (the server is down).
        assertThat(DatabaseUnavailable.isDatabaseAway(new CannotCreateTransactionException("no connection",
                new SQLTransientConnectionException("HikariPool-1 - Connection is not available")))).isTrue();
        // The server shut down under a running statement (FATAL 57P01), wrapped the way the engine wraps it.
        assertThat(DatabaseUnavailable.isDatabaseAway(new ServletException(new RuntimeException("ENGINE-03004",
                new SQLException("terminating connection due to administrator command", "57P01"))))).isTrue();
        // A batch whose own state is empty, the connection error in its next exception.
        BatchUpdateException batch = new BatchUpdateException("Batch entry 0 was aborted", null, 0, new int[0], null);
        batch.setNextException(new SQLException("An I/O error occurred while sending to the backend.", "08006"));
        assertThat(DatabaseUnavailable.isDatabaseAway(batch)).isTrue();
        // The statement failed, the pool dropped the connection, and the rollback failed on it and replaced the error.
        assertThat(DatabaseUnavailable.isDatabaseAway(new JpaSystemException(new TransactionException(
                "Unable to rollback against JDBC Connection", new SQLException("Connection is closed"))))).isTrue();
    }

    @Test
    void refusedStatements_andOtherFailures_areNot() {
        assertThat(DatabaseUnavailable.isDatabaseAway(new DataIntegrityViolationException("duplicate key",
                new SQLException("duplicate key value violates unique constraint", "23505")))).isFalse();
        assertThat(DatabaseUnavailable.isDatabaseAway(new IllegalStateException("a bug"))).isFalse();
    }
}
