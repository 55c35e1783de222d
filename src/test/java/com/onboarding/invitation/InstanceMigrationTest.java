package com.onboarding.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.approval.ApprovalProcess;
import com.onboarding.engine.InstanceMigration;
import com.onboarding.engine.InstanceMigration.Outcome;
import com.onboarding.newlink.NewLinkRequestProcess;
import com.onboarding.newlink.NewLinkRequests;
import com.onboarding.registration.RegistrationService;
import com.onboarding.support.ModelVersions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A changed model deployed while invitations run: every running instance moves to the new version
 * ({@link InstanceMigration}) and then reaches its end on it. The instances wait in every state an invitation can
 * wait in: awaiting approval, mail queued, mail in an incident, open with a reminder due, expired with the follow-up
 * task open, and a new-link request task. Version 2 renames the follow-up task (declared in a mapping), changes a
 * gateway's condition and renames a gateway, and ships with a second reminder (the reminder loop's schedule is the
 * setting onboarding.invitation.reminders). Afterwards the old links work, timers keep their due dates, tasks keep
 * their assignees, a moved invitation gets both reminders, and every mail went out once.
 */
class InstanceMigrationTest extends InvitationFlowSupport {

    private static final String RENAMED_TASK = "Activity_DecideOnExpiredInvitation";
    private static final java.util.regex.Pattern TOKEN =
            java.util.regex.Pattern.compile("/register\\?token=([A-Za-z0-9_-]{43})");

    @Autowired
    InstanceMigration migration;
    @Autowired
    RegistrationService registration;
    @Autowired
    RepositoryService repository;
    @Autowired
    TaskService tasks;
    @Autowired
    NewLinkRequests newLinks;

    @Test
    void everyWaitingInvitationMovesToTheNewVersion_andReachesItsEnd() throws Exception {
        // Version 1 (as deployed from bpmn/): one invitation in each wait state.
        long awaitingApproval = invite("ADMINISTRATOR");
        long mailQueued = invite("STANDARD");
        long mailIncident = invite("STANDARD");
        Job failingMail = job(instanceOf(mailIncident), "Activity_SendInvitationMail");
        managementService.setJobRetries(failingMail.getId(), 0);
        long open = invite("STANDARD");
        executeJob(instanceOf(open), "Activity_SendInvitationMail");
        String openLink = latestToken(emailOf(open));
        Date expiryDue = timer(open, "Event_LinkExpired").getDuedate();
        Date reminderDue = reminder(open).getDuedate();
        long reminded = invite("STANDARD");
        executeJob(instanceOf(reminded), "Activity_SendInvitationMail");
        long expired = invite("STANDARD");
        executeJob(instanceOf(expired), "Activity_SendInvitationMail");
        managementService.executeJob(timer(expired, "Event_LinkExpired").getId());
        Task followUp = tasks.createTaskQuery().processInstanceId(instanceOf(expired)).singleResult();
        long askedAgain = invite("STANDARD");
        executeJob(instanceOf(askedAgain), "Activity_SendInvitationMail");
        managementService.executeJob(timer(askedAgain, "Event_LinkExpired").getId());
        newLinks.ask(emailOf(askedAgain), "198.51.100.7");
        runDueJobs(NewLinkRequestProcess.KEY);
        Task newLinkTask = tasks.createTaskQuery().processDefinitionKey(NewLinkRequestProcess.KEY)
                .processInstanceBusinessKey(NewLinkRequestProcess.businessKey(invitation(askedAgain).getUser().getId()))
                .singleResult();
        Map<String, Integer> mailsBefore = mailCounts(awaitingApproval, mailQueued, mailIncident, open, reminded,
                expired, askedAgain);
        List<Duration> oneReminder = settings.getReminders();

        ProcessDefinition v1 = latest(InvitationProcess.KEY);
        ProcessDefinition newLinkV1 = latest(NewLinkRequestProcess.KEY);
        String model = Files.readString(Path.of("bpmn/user-invitation.bpmn"));
        ProcessDefinition v2 = deploy("bpmn/user-invitation.bpmn", model
                .replace("\"Activity_FollowUpExpiredInvitation\"", "\"" + RENAMED_TASK + "\"")
                .replace("\"Activity_FollowUpExpiredInvitation_di\"", "\"" + RENAMED_TASK + "_di\"")
                .replace("${needsApproval}", "${needsApproval == true}")
                .replace("name=\"Sensitive role or permission?\"", "name=\"Does a second administrator decide?\""),
                InvitationProcess.KEY);
        ProcessDefinition newLinkV2 = deploy("bpmn/new-link-request.bpmn",
                Files.readString(Path.of("bpmn/new-link-request.bpmn")).replace("Nothing to do", "Nothing to answer"),
                NewLinkRequestProcess.KEY);
        assertThat(v2.getVersion()).isGreaterThan(v1.getVersion());
        try {
            settings.setReminders(List.of(Duration.ofDays(3), Duration.ofDays(1)));
            Outcome invitationsMoved = migration.migrate(v1, v2, Map.of("Activity_FollowUpExpiredInvitation", RENAMED_TASK));
            Outcome requestsMoved = migration.migrate(newLinkV1, newLinkV2, Map.of());
            assertThat(invitationsMoved.stayed()).isEmpty();
            assertThat(requestsMoved.stayed()).isEmpty();
            for (long id : List.of(awaitingApproval, mailQueued, mailIncident, open, reminded, expired, askedAgain)) {
                assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceOf(id))
                        .singleResult().getProcessDefinitionId()).as("invitation " + id).isEqualTo(v2.getId());
            }
            assertThat(timer(open, "Event_LinkExpired").getDuedate()).isEqualTo(expiryDue);
            assertThat(reminder(open).getDuedate()).isEqualTo(reminderDue);
            Task movedFollowUp = tasks.createTaskQuery().processInstanceId(instanceOf(expired)).singleResult();
            assertThat(movedFollowUp.getId()).isEqualTo(followUp.getId());
            assertThat(movedFollowUp.getTaskDefinitionKey()).isEqualTo(RENAMED_TASK);
            assertThat(movedFollowUp.getAssignee()).isEqualTo(followUp.getAssignee());
            assertThat(tasks.createTaskQuery().taskId(newLinkTask.getId()).singleResult().getProcessDefinitionId())
                    .isEqualTo(newLinkV2.getId());
            assertThat(mailCounts(awaitingApproval, mailQueued, mailIncident, open, reminded, expired, askedAgain))
                    .as("moving mails nothing").isEqualTo(mailsBefore);

            // The reminder planned on version 1 fires on version 2, and the second reminder follows it.
            fireWhenDue(reminder(reminded));
            executeJob(instanceOf(reminded), "Activity_SendReminder");
            assertThat(reminder(reminded).getDuedate()).as("second reminder, a day before the end")
                    .isEqualTo(Date.from(invitation(reminded).getExpiresAt().minus(Duration.ofDays(1))));
            fireWhenDue(reminder(reminded));
            executeJob(instanceOf(reminded), "Activity_SendReminder");
            assertThat(reminder(reminded)).as("no third reminder").isNull();

            // Every instance goes on to its end on version 2.
            completeAs(globalAdmin(), tasks.createTaskQuery()
                    .processInstanceId(approvalCalledBy(instanceOf(awaitingApproval)).getId()).singleResult(),
                    Map.of(ApprovalProcess.DECISION.name(), ApprovalProcess.APPROVE));
            executeJob(instanceOf(awaitingApproval), "Activity_SendInvitationMail");
            executeJob(instanceOf(mailQueued), "Activity_SendInvitationMail");
            managementService.setJobRetries(failingMail.getId(), 1);
            managementService.executeJob(failingMail.getId());
            completeAs("demo", movedFollowUp, Map.of(InvitationProcess.FOLLOW_UP_DECISION.name(),
                    InvitationProcess.RESEND));
            executeJob(instanceOf(expired), "Activity_SendInvitationMail");
            completeAs("demo", tasks.createTaskQuery().taskId(newLinkTask.getId()).singleResult(),
                    Map.of(NewLinkRequestProcess.DECISION.name(), NewLinkRequestProcess.RESEND));
            runDueJobs(NewLinkRequestProcess.KEY);
            executeJob(instanceOf(askedAgain), "Activity_SendInvitationMail");

            register(open, openLink); // a link mailed before the move still works
            for (long id : List.of(awaitingApproval, mailQueued, mailIncident, reminded, expired, askedAgain)) {
                register(id, latestToken(emailOf(id)));
            }
            for (long id : List.of(awaitingApproval, mailQueued, mailIncident, open, reminded, expired, askedAgain)) {
                assertThat(invitation(id).getStatus()).as("invitation " + id).isEqualTo(InvitationStatus.ACCEPTED);
                assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceOf(id)).count())
                        .as("instance of invitation " + id + " ended").isZero();
                // One mail per link issued (the first, each resend, each reminder), each link once, one confirmation.
                List<String> links = mailsTo(emailOf(id)).stream().map(mail -> TOKEN.matcher(textPart(mail)))
                        .filter(java.util.regex.Matcher::find).map(matcher -> matcher.group(1)).toList();
                assertThat(links).as("links mailed for invitation " + id).doesNotHaveDuplicates()
                        .hasSize(1 + invitation(id).getResendCount() + (id == reminded ? 2 : 0));
                assertThat(mailsTo(emailOf(id))).extracting(mail -> mail.getSubject())
                        .containsOnlyOnce("Your Onboarding account is active");
            }
        } finally {
            settings.setReminders(oneReminder);
            // The suite's later tests run on the models of bpmn/ again: a version 3 equal to version 1.
            ProcessDefinition v3 = deploy("bpmn/user-invitation.bpmn", model, InvitationProcess.KEY);
            migration.migrate(v2, v3, Map.of(RENAMED_TASK, "Activity_FollowUpExpiredInvitation"));
            ProcessDefinition newLinkV3 = deploy("bpmn/new-link-request.bpmn",
                    Files.readString(Path.of("bpmn/new-link-request.bpmn")), NewLinkRequestProcess.KEY);
            migration.migrate(newLinkV2, newLinkV3, Map.of());
        }
    }

    private long invite(String role) {
        return commands.invite(new InvitationRequest(uniqueEmail(), "Ina", "Vogel", "en", null, role, List.of(),
                List.of(acme()), "demo")).invitationId();
    }

    private String instanceOf(long invitationId) {
        return invitation(invitationId).getProcessInstanceId();
    }

    private String emailOf(long invitationId) {
        return invitation(invitationId).getUser().getEmail();
    }

    /** Moves the clock to a minute past the timer's due date, as the job executor would see it, and fires it. */
    private void fireWhenDue(Job timer) {
        clock.advance(Duration.between(clock.instant(), timer.getDuedate().toInstant()).plusMinutes(1));
        managementService.executeJob(timer.getId());
    }

    private Map<String, Integer> mailCounts(long... invitationIds) {
        Map<String, Integer> counts = new HashMap<>();
        for (long id : invitationIds) {
            counts.put(emailOf(id), mailsTo(emailOf(id)).size());
        }
        return counts;
    }

    /** Registers through the link, then runs the instance's remaining jobs (activation, confirmation mail). */
    private void register(long invitationId, String token) {
        String instance = instanceOf(invitationId);
        registration.register(registrationForm(token, "Sunny-Day-42"));
        runDueJobs(() -> managementService.createJobQuery().processInstanceId(instance).executable().list());
    }

    private ProcessDefinition latest(String key) {
        return ModelVersions.latest(repository, key);
    }

    private ProcessDefinition deploy(String name, String xml, String key) {
        return ModelVersions.deploy(repository, name.replace("bpmn/", ""), xml, key);
    }
}
