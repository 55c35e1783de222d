package com.onboarding.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.support.IntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.impl.Page;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.AcquirableJobEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Jobs are found by their due date through indexes, and taken by priority (DueDateJobAcquisition). */
class JobAcquisitionTest extends IntegrationTest {

    @Autowired
    InvitationCommands commands;
    @Autowired
    DataSource dataSource;
    @Autowired
    ProcessEngineConfigurationImpl engine;

    @Test
    void aJobDueAtOnceHasADueDate_andTheJobTableIsIndexedByIt() throws Exception {
        long id = commands.invite(validRequest()).invitationId();
        Job mail = job(invitation(id).getProcessInstanceId(), "Activity_SendInvitationMail");
        assertThat(mail.getDuedate()).as("an asynchronous step is due now, not 'whenever'").isNotNull();
        assertThat(managementService.createJobQuery().executable().list()).extracting(Job::getId)
                .contains(mail.getId());

        List<String> indexes = new ArrayList<>();
        try (Connection connection = dataSource.getConnection()) {
            for (String table : List.of("ACT_RU_JOB", "act_ru_job")) {
                try (ResultSet index = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
                    while (index.next()) {
                        if (index.getString("INDEX_NAME") != null) {
                            indexes.add(index.getString("INDEX_NAME").toUpperCase(Locale.ROOT) + ":"
                                    + index.getString("COLUMN_NAME").toUpperCase(Locale.ROOT));
                        }
                    }
                }
            }
        }
        assertThat(indexes).contains("ACT_IDX_JOB_DUEDATE:DUEDATE_", "ACT_IDX_JOB_PRIORITY_DUEDATE:PRIORITY_",
                "ACT_IDX_JOB_PRIORITY_DUEDATE:DUEDATE_");
    }

    /**
     * An expiry storm does not keep an admin's mail waiting: with the links of open invitations all due at once (as
     * after a night with the service down), the job executor's next acquisition takes a new invitation's mail first,
     * and every mail before every expiry, though the expiries were due long before it.
     */
    @Test
    void anAdminsMailGoesBeforeAStormOfExpiries() {
        List<String> storm = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            long open = commands.invite(validRequest()).invitationId();
            executeJob(invitation(open).getProcessInstanceId(), InvitationProcess.Elements.SEND_INVITATION_MAIL);
            Job expiry = managementService.createJobQuery().processInstanceId(invitation(open).getProcessInstanceId())
                    .timers().activityId(InvitationProcess.Elements.LINK_EXPIRED).singleResult();
            storm.add(expiry.getId());
        }
        Date longAgo = Date.from(Instant.now().minus(Duration.ofDays(1)));
        storm.forEach(expiry -> managementService.setJobDuedate(expiry, longAgo));

        String mail = job(invitation(commands.invite(validRequest()).invitationId()).getProcessInstanceId(),
                InvitationProcess.Elements.SEND_INVITATION_MAIL).getId();

        List<String> order = engine.getCommandExecutorTxRequired().execute(command -> command.getJobManager()
                .findNextJobsToExecute(new Page(0, 10_000))).stream().map(AcquirableJobEntity::getId).toList();
        assertThat(order).containsAll(storm).contains(mail);
        assertThat(order.indexOf(mail)).as("the new mail before every expiry")
                .isLessThan(storm.stream().mapToInt(order::indexOf).min().orElseThrow());
        List<Long> priorities = order.stream().map(id -> managementService.createJobQuery().jobId(id).singleResult()
                .getPriority()).toList();
        assertThat(priorities).as("taken by priority, highest first").isSortedAccordingTo(Comparator.reverseOrder());
    }

    /** The acquisition's "no job of this instance in progress" check reads locked jobs only, from a small index. */
    @Test
    void onPostgreSql_theLockedJobsHaveAPartialIndex() throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            assumeTrue("PostgreSQL".equals(connection.getMetaData().getDatabaseProductName()),
                    "H2 has no partial indexes");
            try (ResultSet index = connection.createStatement().executeQuery(
                    "select indexdef from pg_indexes where indexname = 'act_idx_job_locked'")) {
                assertThat(index.next()).as("the index exists").isTrue();
                assertThat(index.getString(1)).contains("(lock_exp_time_)")
                        .contains("WHERE (lock_owner_ IS NOT NULL)");
            }
        }
    }
}
