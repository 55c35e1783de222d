package com.onboarding.engine;

import static org.assertj.core.api.Assertions.assertThat;

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

/** Jobs are found by their due date alone, through an index (DueDateJobAcquisition). */
class JobAcquisitionTest extends IntegrationTest {

    @Autowired
    InvitationCommands commands;
    @Autowired
    DataSource dataSource;

    @Test
    void aJobDueAtOnceHasADueDate_andTheJobTableIsIndexedByIt() throws Exception {
        long id = commands.invite(validRequest()).invitationId();
        Job mail = job(invitation(id).getProcessInstanceId(), "SendInvitationMail");
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
}
