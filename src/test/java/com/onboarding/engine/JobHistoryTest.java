package com.onboarding.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onboarding.admin.AdminTestSupport;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricJobLog;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** What the history level keeps of jobs and variables (PersonalDataHistoryLevel). */
class JobHistoryTest extends AdminTestSupport {

    @Autowired
    HistoryService history;

    @Test
    void aJobThatRanAtOnceLeavesNoJobLog_butItsActivityAndTheVariablesLastValuesStay() throws Exception {
        long userId = invite(uniqueEmail(), acme());
        mailInvitation(userId);
        String instance = invitation(invitationIdOf(userId)).getProcessInstanceId();

        assertThat(history.createHistoricJobLogQuery().processInstanceId(instance).count()).isZero();
        assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(instance)
                .activityId("Activity_SendInvitationMail").finished().count()).isEqualTo(1);
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName("userLink").count()).isEqualTo(1);
        assertThat(history.createHistoricDetailQuery().processInstanceId(instance).count()).isZero();
    }

    @Test
    void aJobThatFailedKeepsEachFailureAndHowItEnded() throws Exception {
        long userId = invite(uniqueEmail(), acme());
        String instance = invitation(invitationIdOf(userId)).getProcessInstanceId();
        greenMail.stop();
        try {
            assertThatThrownBy(() -> mailInvitation(userId)).isNotNull();
        } finally {
            greenMail.start();
        }
        mailInvitation(userId);

        List<HistoricJobLog> log = history.createHistoricJobLogQuery().processInstanceId(instance)
                .orderPartiallyByOccurrence().asc().list();
        assertThat(log).extracting(HistoricJobLog::getActivityId).containsOnly("Activity_SendInvitationMail");
        assertThat(log).extracting(entry -> entry.isFailureLog() ? "failed" : entry.isSuccessLog() ? "ran" : "other")
                .containsExactly("failed", "ran");
        assertThat(log.get(0).getJobExceptionMessage()).isNotBlank();
    }
}
