package com.onboarding.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.onboarding.engine.InstanceMigration;
import com.onboarding.engine.ProcessVersionsAtStart;
import com.onboarding.support.ModelVersions;
import java.time.Duration;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The two worked examples of docs/changing-the-flow.md, step by step as the guide tells them: a second reminder (a
 * setting, because the model loops over the reminder schedule), and who follows up an expired invitation (a change
 * of the model in the Modeler, deployed while invitations run, whose instances then move to the new version).
 */
class ChangingTheFlowTest extends InvitationFlowSupport {

    @Autowired
    RepositoryService repository;
    @Autowired
    InstanceMigration migration;
    @Autowired
    ProcessVersionsAtStart nextStart;

    @Test
    void aSecondReminder_isTheSettingRemindersWithTwoDurations() {
        List<Duration> configured = settings.getReminders();
        settings.setReminders(List.of(Duration.ofDays(7), Duration.ofDays(1))); // onboarding.invitation.reminders=P7D,P1D
        try {
            long id = invitedAndMailed();
            Date expiresAt = Date.from(invitation(id).getExpiresAt());
            String email = invitation(id).getUser().getEmail();

            assertThat(fireWhenDue(reminder(id))).isEqualTo(minusDays(expiresAt, 7));
            executeJob(invitation(id).getProcessInstanceId(), "Activity_SendReminder");
            assertThat(fireWhenDue(reminder(id))).isEqualTo(minusDays(expiresAt, 1));
            executeJob(invitation(id).getProcessInstanceId(), "Activity_SendReminder");

            assertThat(reminder(id)).as("two durations, two reminders").isNull();
            assertThat(mailsTo(email)).extracting(mail -> mail.getSubject()).filteredOn(s -> s.startsWith("Reminder"))
                    .hasSize(2);
        } finally {
            settings.setReminders(configured);
        }
    }

    @Test
    void theGlobalAdminsFollowUpEveryExpiredInvitation_aModelChangeThatRunningInvitationsFollow() {
        // Running on the current version: one follow-up task already with the inviter, one invitation still open.
        long expiredBefore = invitedAndMailed();
        Task inviterTask = expire(expiredBefore);
        assertThat(inviterTask.getAssignee()).isEqualTo("demo");
        long open = invitedAndMailed();

        // The change, as saved by the Modeler: the task's Assignee field emptied; its candidate group stays.
        ProcessDefinition before = ModelVersions.latest(repository, InvitationProcess.KEY);
        String model = ModelVersions.model("user-invitation.bpmn");
        String changed = model.replace(" camunda:assignee=\"${followUpAssignee}\"", "");
        assertThat(changed).isNotEqualTo(model);
        ProcessDefinition after = ModelVersions.deploy(repository, "user-invitation.bpmn", changed,
                InvitationProcess.KEY);
        try {
            // What the next start does: the guard finds everything the new version names, and the instances move.
            nextStart.afterSingletonsInstantiated();
            for (long id : List.of(expiredBefore, open)) {
                assertThat(runtimeService.createProcessInstanceQuery()
                        .processInstanceId(invitation(id).getProcessInstanceId()).singleResult().getProcessDefinitionId())
                        .isEqualTo(after.getId());
            }

            // A task created before keeps its assignee; an invitation that expires now goes to the global admins.
            assertThat(task(expiredBefore).getAssignee()).isEqualTo("demo");
            Task groupTask = expire(open);
            assertThat(groupTask.getAssignee()).isNull();
            assertThat(taskService.getIdentityLinksForTask(groupTask.getId())).extracting(IdentityLink::getType,
                    IdentityLink::getGroupId).contains(tuple(IdentityLinkType.CANDIDATE,
                            "camunda-admin"));
            assertThat(groupTask.getDueDate()).as("the due date is still the end of the grace period")
                    .isCloseTo(Date.from(clock.instant().plus(Duration.ofDays(14))), 60_000);

            String greta = globalAdmin();
            taskService.claim(groupTask.getId(), greta);
            completeAs(greta, task(open), Map.of(InvitationProcess.FOLLOW_UP_DECISION.name(), InvitationProcess.CANCEL));
            assertThat(invitation(open).getStatus()).isEqualTo(InvitationStatus.CANCELLED);
        } finally {
            // Later tests run on the model of bpmn/ again.
            ProcessDefinition restored = ModelVersions.deploy(repository, "user-invitation.bpmn", model,
                    InvitationProcess.KEY);
            migration.migrate(after, restored, Map.of());
            assertThat(before.getVersion()).isLessThan(restored.getVersion());
        }
    }

    /** Moves the clock a minute past the timer's due date, as the job executor would see it, and fires it. */
    private Date fireWhenDue(Job timer) {
        clock.advance(Duration.between(clock.instant(), timer.getDuedate().toInstant()).plusMinutes(1));
        managementService.executeJob(timer.getId());
        return timer.getDuedate();
    }

    private static Date minusDays(Date date, int days) {
        return Date.from(date.toInstant().minus(Duration.ofDays(days)));
    }
}
