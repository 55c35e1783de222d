package com.onboarding.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * Nodes of a cluster start one at a time. Start-up writes shared rows: schema migrations, the engine's tables and
 * deployments, the first administrator, the process owners' group and every Camunda grant. Each of those checks
 * "exists?" and then creates, so two nodes starting at once both create and one fails on a unique key (the
 * reliability suite saw it). On PostgreSQL the first use of the database takes a session-level advisory lock, held
 * until the application is ready (or has failed, or its process died: the server then ends the session); a second
 * node waits for it. An embedded H2 database has a single node and needs no lock.
 */
@Component
class StartupLock implements BeanPostProcessor, ApplicationListener<ApplicationReadyEvent>, DisposableBean {

    /** The lock's key: any number, the same on every node ("onboard" in ASCII). */
    static final long KEY = 0x6f6e626f617264L;

    private static final Logger LOG = LoggerFactory.getLogger(StartupLock.class);

    private Connection held;
    private boolean done;

    @Override
    public synchronized Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource && held == null && !done) {
            acquire(dataSource);
        }
        return bean;
    }

    private void acquire(DataSource dataSource) {
        try {
            Connection connection = dataSource.getConnection();
            if (!"PostgreSQL".equals(connection.getMetaData().getDatabaseProductName())) {
                connection.close();
                done = true;
                return;
            }
            long start = System.nanoTime();
            try (Statement lock = connection.createStatement()) {
                lock.execute("select pg_advisory_lock(" + KEY + ")");
            }
            long waited = (System.nanoTime() - start) / 1_000_000;
            if (waited > 500) {
                LOG.info("Waited {} ms for another node to finish starting", waited);
            }
            held = connection;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not take the start-up lock: " + e.getMessage(), e);
        }
    }

    @Override
    public void onApplicationEvent(ApplicationReadyEvent event) {
        release();
    }

    @Override
    public void destroy() {
        release();
    }

    private synchronized void release() {
        done = true;
        if (held == null) {
            return;
        }
        try (Connection connection = held; Statement unlock = connection.createStatement()) {
            unlock.execute("select pg_advisory_unlock(" + KEY + ")");
        } catch (SQLException e) {
            LOG.warn("Could not release the start-up lock (the session's end releases it): {}", e.getMessage());
        } finally {
            held = null;
        }
    }
}
