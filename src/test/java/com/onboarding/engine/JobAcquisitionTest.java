package com.onboarding.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.onboarding.invitation.InvitationCommands;
import com.onboarding.support.IntegrationTest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import javax.sql.DataSource;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Jobs are found by their due date alone, through indexes (DueDateJobAcquisition). */
class JobAcquisitionTest extends IntegrationTest {

    @Autowired
    InvitationCommands commands;
    @Autowired
    DataSource dataSource;

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
        assertThat(indexes).contains("ACT_IDX_JOB_DUEDATE:DUEDATE_");
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
