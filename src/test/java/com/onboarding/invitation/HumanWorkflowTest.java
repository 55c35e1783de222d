package com.onboarding.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;

import com.onboarding.approval.ApprovalProcess;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditEvent;
import com.onboarding.audit.AuditEventRepository;
import com.onboarding.links.LinkNotUsableException;
import com.onboarding.registration.RegistrationService;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * The human workflow of bpmn/user-invitation.bpmn with the real steps: reminders, the follow-up of an expired
 * invitation and its grace period, and four-eyes approval of privileged access.
 */
class HumanWorkflowTest extends InvitationFlowSupport {

    @Autowired
    RegistrationService registration;
    @Autowired
    FormService formService;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    HistoryService historyService;

    List<AuditAction> auditOf(long invitationId) {
        return auditEvents.findBySubjectUserIdOrderByOccurredAtAsc(invitation(invitationId).getUser().getId()).stream()
                .map(AuditEvent::getAction).toList();
    }

    // Reminders

    @Test
    void reminder_goesOutBeforeExpiryWithAFreshLinkThatReplacesTheOld() throws Exception {
        long id = invitedAndMailed();
        Invitation before = invitation(id);
        String email = before.getUser().getEmail();
        String firstToken = latestToken(email);
        Job reminder = reminder(id);
        assertThat(reminder.getDuedate()).isEqualTo(Date.from(before.getExpiresAt().minus(Duration.ofDays(3))));

        clock.advance(Duration.ofDays(18).plusMinutes(1));
        managementService.executeJob(reminder.getId());
        executeJob(before.getProcessInstanceId(), "Activity_SendReminder");

        MimeMessage mail = mailsTo(email).get(1);
        assertThat(mail.getSubject()).startsWith("Reminder: your invitation to Onboarding is open until");
        assertThat(textPart(mail)).contains("Welcome to the team!").doesNotContain("See you on Monday")
                .contains("links in earlier mails no longer work");
        assertThat(htmlPart(mail)).contains("Welcome to the team!").contains("https://onboarding.test/register?token=");
        String freshToken = latestToken(email);
        assertThat(freshToken).isNotEqualTo(firstToken);
        assertThatThrownBy(() -> registration.open(firstToken)).isInstanceOf(LinkNotUsableException.class);
        assertThat(registration.open(freshToken).getEmail()).isEqualTo(email);
        assertThat(invitation(id).getExpiresAt()).as("the validity end does not move").isEqualTo(before.getExpiresAt());
        assertThat(reminder(id)).as("one offset, one reminder").isNull();
        assertThat(auditOf(id)).contains(AuditAction.INVITATION_REMINDED);
    }

    @Test
    void germanInviteeGetsAGermanReminder() throws Exception {
        long id = inviteAsDemo("STANDARD", List.of(), null, "de");
        String pid = invitation(id).getProcessInstanceId();
        executeJob(pid, "Activity_SendInvitationMail");
        clock.advance(Duration.ofDays(18).plusMinutes(1));
        managementService.executeJob(reminder(id).getId());
        executeJob(pid, "Activity_SendReminder");
        MimeMessage mail = mailsTo(invitation(id).getUser().getEmail()).get(1);
        assertThat(mail.getSubject()).startsWith("Erinnerung: Ihre Einladung zu Onboarding ist offen bis");
        assertThat(textPart(mail)).contains("Hallo Ina,").contains("Links in früheren E-Mails funktionieren nicht mehr");
    }

    @Test
    void noRemindersConfigured_noReminderIsPlanned() {
        List<Duration> configured = settings.getReminders();
        settings.setReminders(List.of());
        try {
            long id = invitedAndMailed();
            assertThat(reminder(id)).isNull();
            assertThat(processOf(id)).isWaitingAt("Activity_CompleteRegistration");
            // The first reminder's timer waits for the link's end, and even when it runs before "Link expired" it
            // mails nothing.
            String email = invitation(id).getUser().getEmail();
            Job atTheEnd = timer(id, InvitationProcess.Elements.FIRST_REMINDER_DUE);
            assertThat(atTheEnd.getDuedate()).isEqualTo(Date.from(invitation(id).getExpiresAt()));
            clock.advance(Duration.between(clock.instant(), invitation(id).getExpiresAt()).plusMinutes(1));
            managementService.executeJob(atTheEnd.getId());
            executeJob(invitation(id).getProcessInstanceId(), "Activity_SendReminder");
            assertThat(mailsTo(email)).hasSize(1);
            expire(id);
        } finally {
            settings.setReminders(configured);
        }
    }

    @Test
    void cancelStopsThePendingReminder() {
        long id = invitedAndMailed();
        assertThat(reminder(id)).isNotNull();
        commands.requestCancel(id, "demo");
        assertThat(managementService.createJobQuery().processInstanceId(invitation(id).getProcessInstanceId()).count())
                .isZero();
    }

    // Expiry follow-up


    @Test
    void expiry_givesTheInviterATaskDueAtTheEndOfTheGracePeriod() {
        long id = invitedAndMailed();
        Task task = expire(id);
        assertThat(task.getTaskDefinitionKey()).isEqualTo(InvitationProcess.TASK_FOLLOW_UP);
        assertThat(task.getName()).isEqualTo("Invitation expired: resend or cancel?");
        assertThat(task.getAssignee()).isEqualTo("demo");
        assertThat(task.getDueDate()).isCloseTo(Date.from(clock.instant().plus(Duration.ofDays(14))), 60_000);
        assertThat(reminder(id)).isNull();
    }

    @Test
    void followUpResend_mailsANewLinkThroughTheUsersScreensRules() throws Exception {
        long id = invitedAndMailed();
        String email = invitation(id).getUser().getEmail();
        Task task = expire(id);

        completeAs("demo", task, Map.of(InvitationProcess.FOLLOW_UP_DECISION.name(), InvitationProcess.RESEND));

        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.PENDING);
        assertThat(invitation(id).getResendCount()).isOne();
        executeJob(invitation(id).getProcessInstanceId(), "Activity_SendInvitationMail");
        assertThat(registration.open(latestToken(email)).getEmail()).isEqualTo(email);
        assertThat(auditOf(id)).containsSubsequence(AuditAction.INVITATION_EXPIRED, AuditAction.INVITATION_FOLLOWED_UP,
                AuditAction.INVITATION_RESENT);
    }

    @Test
    void followUpCancel_endsTheInvitation() {
        long id = invitedAndMailed();
        completeAs("demo", expire(id), Map.of(InvitationProcess.FOLLOW_UP_DECISION.name(), InvitationProcess.CANCEL));
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.CANCELLED);
        assertThat(processOf(id)).isNull();
    }

    @Test
    void followUpWithAnotherAnswer_isRefusedAndTheTaskStays() {
        long id = invitedAndMailed();
        Task task = expire(id);
        assertThatThrownBy(() -> completeAs("demo", task, Map.of(InvitationProcess.FOLLOW_UP_DECISION.name(), "approve")))
                .hasMessageContaining("Choose \"Resend invitation\" or \"Cancel invitation\"");
        assertThat(task(id).getId()).isEqualTo(task.getId());
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.EXPIRED);
    }

    @Test
    void followUpByAScopedAdminOutsideTheUsersClients_isRefused() {
        String scoped = scopedAdmin(List.of(globex()), List.of());
        long id = invitedAndMailed();
        Task task = expire(id);
        taskService.setAssignee(task.getId(), scoped);
        assertThatThrownBy(() -> completeAs(scoped, task,
                Map.of(InvitationProcess.FOLLOW_UP_DECISION.name(), InvitationProcess.RESEND)))
                .isInstanceOf(AuthorizationException.class);
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.EXPIRED);
    }

    @Test
    void inviterGone_theGlobalAdminsFollowUp() {
        String inviter = globalAdmin();
        long id = commands.invite(new InvitationRequest(uniqueEmail(), "Ina", "Vogel", "en", null, "STANDARD",
                List.of(), List.of(acme()), inviter)).invitationId();
        executeJob(invitation(id).getProcessInstanceId(), "Activity_SendInvitationMail");
        identity.deleteUser(inviter);
        Task task = expire(id);
        assertThat(task.getAssignee()).isNull();
        assertThat(taskService.getIdentityLinksForTask(task.getId()))
                .anyMatch(link -> "camunda-admin".equals(link.getGroupId()));
    }

    @Test
    void nobodyFollowsUp_theInvitationLapsesAfterTheGracePeriodAndTheInstanceEnds() throws Exception {
        long id = invitedAndMailed();
        expire(id);
        ProcessInstance instance = processOf(id);
        Job grace = timer(id, "Event_GracePeriodOver");
        assertThat(grace.getDuedate()).isCloseTo(Date.from(Instant.now().plus(Duration.ofDays(14))), 60_000);

        clock.advance(Duration.ofDays(14).plusMinutes(1));
        managementService.executeJob(grace.getId());

        assertThat(instance).isEnded().hasPassed("Activity_CloseLapsedInvitation", "Event_InvitationLapsed");
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.LAPSED);
        assertThat(taskService.createTaskQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(auditOf(id)).endsWith(AuditAction.INVITATION_LAPSED);
        long userId = invitation(id).getUser().getId();
        asDemo(get("/api/users/" + userId))
                .andExpect(jsonPath("$.status")
                        .value("INVITATION_LAPSED"));

        // "Resend" on a lapsed invitation invites the user again.
        asDemo(post("/api/users/" + userId + "/resend-invitation", Map.of()))
                .andExpect(jsonPath("$.status")
                        .value("INVITED"));
        assertThat(invitationIdOf(userId)).isNotEqualTo(id);
    }

    // Four-eyes

    @Test
    void administratorInvitation_waitsForApprovalWithoutMailOrLink() throws Exception {
        long id = inviteAsDemo("ADMINISTRATOR", List.of(), null, "en");
        Invitation invitation = invitation(id);
        assertThat(invitation.getStatus()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
        assertThat(invitation.getTokenHash()).isNull();
        assertThat(processOf(id)).isWaitingAt(InvitationProcess.STEP_FOUR_EYES_APPROVAL);
        assertThat(task(id).getTaskDefinitionKey()).isEqualTo(ApprovalProcess.TASK_APPROVE);
        assertThat(task(id).getName()).isEqualTo("Approve invitation");
        assertThat(managementService.createJobQuery().processInstanceId(invitation.getProcessInstanceId()).count())
                .as("no mail queued").isZero();
        SpinJsonNode summary = (SpinJsonNode) runtimeService.getVariable(invitation.getProcessInstanceId(),
                InvitationProcess.APPROVAL_SUMMARY.name());
        assertThat(summary.prop("en").stringValue()).contains("Role: Administrator").contains("Acme Corporation")
                .contains("(demo)").doesNotContain(invitation.getUser().getEmail()).doesNotContain("Vogel");
        assertThat(summary.prop("de").stringValue()).contains("Rolle: Administrator").contains("eingeladen von");
        // Tasklist shows the approver the form in the language their browser asks for, and the summary in it.
        Task approval = task(id);
        assertThat(formIn(Locale.GERMAN, approval)).contains("\"id\": \"approve-request-de\"")
                .contains("{{approvalSummary.de}}").contains("Vier-Augen-Freigabe");
        assertThat(formIn(Locale.US, approval)).contains("\"id\": \"approve-request\"")
                .contains("{{approvalSummary.en}}");
        assertThatThrownBy(() -> commands.requestResend(id, "demo")).isInstanceOf(InvitationStateException.class)
                .hasMessageContaining("waiting for another global administrator's approval");
        asDemo(get("/api/users/"
                + invitation.getUser().getId())).andExpect(jsonPath("$.status").value("AWAITING_APPROVAL"));
        assertThat(mailsTo(invitation.getUser().getEmail())).isEmpty();
    }

    @Test
    void sensitivePermission_needsApprovalToo() {
        long id = inviteAsDemo("STANDARD", List.of("APPROVE_PAYMENTS"), null, "en");
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
    }

    @Test
    void theInviterCannotApproveTheirOwnInvitation() {
        long id = inviteAsDemo("ADMINISTRATOR", List.of(), null, "en");
        Task task = task(id);
        assertThatThrownBy(() -> completeAs("demo", task,
                Map.of(ApprovalProcess.DECISION.name(), ApprovalProcess.APPROVE)))
                .hasMessageContaining("another global administrator has to approve");
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
        assertThat(task(id).getId()).isEqualTo(task.getId());
    }

    @Test
    void aScopedAdminCannotApprove() {
        String scoped = scopedAdmin(List.of(acme()), List.of());
        long id = inviteAsDemo("ADMINISTRATOR", List.of(), null, "en");
        Task task = task(id);
        assertThatThrownBy(() -> completeAs(scoped, task,
                Map.of(ApprovalProcess.DECISION.name(), ApprovalProcess.APPROVE)))
                .isInstanceOf(AuthorizationException.class);
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
    }

    @Test
    void approvalByASecondGlobalAdmin_startsTheLinkPeriodAndMails() throws Exception {
        String approver = globalAdmin();
        long id = inviteAsDemo("ADMINISTRATOR", List.of(), null, "en");
        clock.advance(Duration.ofDays(2));

        completeAs(approver, task(id), Map.of(ApprovalProcess.DECISION.name(), ApprovalProcess.APPROVE));

        Invitation approved = invitation(id);
        assertThat(approved.getStatus()).isEqualTo(InvitationStatus.PENDING);
        assertThat(approved.getDecidedBy()).isEqualTo(approver);
        assertThat(approved.getExpiresAt()).as("the validity starts at the approval")
                .isAfter(Instant.now().plus(Duration.ofDays(22)));
        executeJob(approved.getProcessInstanceId(), "Activity_SendInvitationMail");
        String email = approved.getUser().getEmail();
        assertThat(registration.open(latestToken(email)).getEmail()).isEqualTo(email);
        // "Sent" once approved: the funnel counts no invitation that never went out.
        assertThat(auditOf(id)).containsSubsequence(AuditAction.INVITATION_AWAITING_APPROVAL,
                AuditAction.INVITATION_APPROVED, AuditAction.INVITATION_SENT);
    }

    @Test
    void rejection_needsAReasonThenTellsTheInviterAndEnds() throws Exception {
        String approver = globalAdmin();
        long id = inviteAsDemo("STANDARD", List.of("APPROVE_PAYMENTS", "VIEW_REPORTS"), null, "en");
        Task task = task(id);
        assertThatThrownBy(() -> completeAs(approver, task,
                Map.of(ApprovalProcess.DECISION.name(), ApprovalProcess.REJECT)))
                .hasMessageContaining("Say why you reject it");
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);

        completeAs(approver, task, Map.of(ApprovalProcess.DECISION.name(), ApprovalProcess.REJECT,
                ApprovalProcess.REJECTION_REASON.name(), "Ina needs read access only."));

        Invitation rejected = invitation(id);
        assertThat(rejected.getStatus()).isEqualTo(InvitationStatus.REJECTED);
        assertThat(rejected.getRejectionReason()).isEqualTo("Ina needs read access only.");
        String approvalInstance = approvalCalledBy(rejected.getProcessInstanceId()).getId();
        assertThat(runtimeService.getVariable(approvalInstance, ApprovalProcess.REJECTION_REASON.name()))
                .as("the engine keeps no copy").isNull();
        assertThat(historyService.createHistoricVariableInstanceQuery().variableName(
                ApprovalProcess.REJECTION_REASON.name()).count()).as("nor does its history").isZero();
        executeJob(approvalInstance, "Activity_MailApprovalRejection");
        assertThat(processOf(id)).isNull();
        MimeMessage mail = mailsTo("demo@onboarding.local").get(0);
        assertThat(mail.getSubject()).isEqualTo("Invitation of Ina Vogel rejected");
        assertThat(textPart(mail)).contains("Greta Second rejected your invitation of Ina Vogel <"
                + rejected.getUser().getEmail() + "> with role Standard user, permissions Approve payments (sensitive), "
                + "View reports.")
                .contains("Ina needs read access only.")
                .contains("https://onboarding.test/users/" + rejected.getUser().getId());
        assertThat(mailsTo(rejected.getUser().getEmail())).isEmpty();
        assertThat(auditOf(id)).endsWith(AuditAction.INVITATION_REJECTED).doesNotContain(AuditAction.INVITATION_SENT);
    }

    @Test
    void cancelWhileAwaitingApproval_endsTheInvitation() {
        long id = inviteAsDemo("ADMINISTRATOR", List.of(), null, "en");
        String instance = invitation(id).getProcessInstanceId();
        assertThat(approvalCalledBy(instance)).isNotNull();
        commands.requestCancel(id, "demo");
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.CANCELLED);
        assertThat(processOf(id)).isNull();
        assertThat(task(id)).as("the approval ends with the invitation").isNull();
    }

    /** The Camunda Form that Tasklist shows for the task to a browser asking for this language. */
    private String formIn(Locale language, Task task) throws IOException {
        LocaleContextHolder.setLocale(language);
        try (InputStream form = formService.getDeployedTaskForm(task.getId())) {
            return new String(form.readAllBytes(), StandardCharsets.UTF_8);
        } finally {
            LocaleContextHolder.resetLocaleContext();
        }
    }
}
