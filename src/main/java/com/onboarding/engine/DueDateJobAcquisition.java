package com.onboarding.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.camunda.bpm.engine.impl.util.ClockUtil;

/**
 * Job acquisition that stays fast while many timers wait. Every open invitation holds two future timers (expiry,
 * reminder), and the job executor's acquisition query looks for due jobs with "due date null or past"; with tens
 * of thousands of waiting timers that is a scan of the whole job table several times a second. With
 * {@code ensureJobDueDateNotNull} every job gets a due date (now, for a job that is due at once), the query asks
 * only "due date past", and an index on the due date answers it (Camunda's job executor guide suggests both).
 * Jobs created before this setting have no due date: they are given one at start-up, before the job executor
 * runs, or it would never pick them up.
 * <p>
 * The same query skips exclusive jobs of instances that have a job in progress, and PostgreSQL answers that part by
 * reading every locked job: without an index, a scan of the whole table (200 ms per acquisition with 220,000
 * waiting timers, the benchmark's expiry storm). A partial index holds only the locked jobs, a few dozen at a time
 * (0.5 ms). H2, the development database, has no partial indexes and does not need this one.
 * <p>
 * Due jobs are taken by priority ({@code camunda:jobPriority} in the models), the longest due first within one: the
 * mail of an invitation an admin has just sent or resent (100) goes before the registration's confirmation, a
 * rejection and a new-link check (50), and these before link expiries, reminders and bulk rows (0), so a storm of
 * expiries does not keep an admin's mail waiting behind it (48 s at the median before, with 4,000 expiries due). The
 * query then sorts by priority and due date; without an index in that order PostgreSQL sorted every due job at each
 * acquisition (163 ms with 100,000 due), with it the first rows are read in order (0.2 ms; 0.3 to 2.5 ms when
 * nothing is due, custom or generic plan).
 */
class DueDateJobAcquisition extends AbstractProcessEnginePlugin {

    private ProcessEngineConfigurationImpl configuration;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        this.configuration = configuration;
        configuration.setEnsureJobDueDateNotNull(true);
        configuration.setJobExecutorAcquireByPriority(true);
        configuration.setJobExecutorAcquireByDueDate(true);
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine processEngine) {
        String prefix = configuration.getDatabaseTablePrefix() == null ? "" : configuration.getDatabaseTablePrefix();
        try (Connection connection = configuration.getDataSource().getConnection();
                Statement ddl = connection.createStatement();
                PreparedStatement due = connection.prepareStatement(
                        "update " + prefix + "ACT_RU_JOB set DUEDATE_ = ? where DUEDATE_ is null")) {
            connection.setAutoCommit(true);
            ddl.execute("create index if not exists ACT_IDX_JOB_DUEDATE on " + prefix + "ACT_RU_JOB (DUEDATE_)");
            ddl.execute("create index if not exists ACT_IDX_JOB_PRIORITY_DUEDATE on " + prefix
                    + "ACT_RU_JOB (PRIORITY_ desc, DUEDATE_)");
            if (DbSqlSessionFactory.POSTGRES.equals(configuration.getDatabaseType())) {
                ddl.execute("create index if not exists ACT_IDX_JOB_LOCKED on " + prefix
                        + "ACT_RU_JOB (LOCK_EXP_TIME_) where LOCK_OWNER_ is not null");
            }
            // The engine's clock, as the engine writes and compares due dates with it.
            due.setTimestamp(1, new Timestamp(ClockUtil.getCurrentTime().getTime()));
            due.executeUpdate();
        } catch (SQLException e) {
            throw new ProcessEngineException("Could not prepare the job table for acquisition by due date", e);
        }
    }
}
