package com.onboarding.newlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import com.onboarding.admin.AdminTestSupport;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditEvent;
import com.onboarding.audit.AuditEventRepository;
import com.onboarding.engine.ProcessVersionsAtStart;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.registration.RegistrationService;
import com.onboarding.support.ModelVersions;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** "Send me a new link": the same answer for every address, rate limits, and a Tasklist task for real invitations. */
class NewLinkRequestTest extends AdminTestSupport {

    private static final AtomicInteger IPS = new AtomicInteger();

    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    InvitationCommands commands;
    @Autowired
    RegistrationService registration;
    @Autowired
    AuditEventRepository auditEvents;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RepositoryService repository;
    @Autowired
    ProcessVersionsAtStart nextStart;

    /** A client IP of its own per test, so that the per-IP limit of one test does not touch another. */
    final String ip = "10.1.0." + IPS.incrementAndGet();

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    MockHttpServletResponse ask(String email) throws Exception {
        return mvc.perform(MockMvcRequestBuilders.post("/register/new-link").param("email", email).with(csrf())
                .with(request -> {
                    request.setRemoteAddr(ip);
                    return request;
                })).andReturn().getResponse();
    }

    /** Runs the queued checks of new-link requests (the job executor is off in tests). */
    void runChecks() {
        for (Job job : managementService.createJobQuery().processDefinitionKey(NewLinkRequestProcess.KEY)
                .executable().list()) {
            managementService.executeJob(job.getId());
        }
    }

    List<Task> tasksFor(long userId) {
        return taskService.createTaskQuery().processDefinitionKey(NewLinkRequestProcess.KEY)
                .processInstanceBusinessKey(NewLinkRequestProcess.businessKey(userId)).list();
    }

    void completeAs(String userId, Task task, String decision) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identity.setAuthentication(userId, groups);
        try {
            taskService.complete(task.getId(), Map.of(NewLinkRequestProcess.DECISION.name(), decision));
        } finally {
            identity.clearAuthentication();
        }
    }

    long expiredInvitee(String email) throws Exception {
        long userId = invite(email, acme());
        mailInvitation(userId);
        String pid = invitation(invitationIdOf(userId)).getProcessInstanceId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(pid).timers()
                .activityId("Event_LinkExpired").singleResult().getId());
        return userId;
    }

    @Test
    void theDeadLinkPageOffersTheForm() throws Exception {
        mvc.perform(get("/register").param("token", "no-such-token"))
                .andExpect(content().string(Matchers.containsString("action=\"/register/new-link\"")))
                .andExpect(content().string(Matchers.containsString("Send me a new link")));
    }

    @Test
    void theAnswerIsTheSameForEveryAddress() throws Exception {
        String invited = uniqueEmail();
        expiredInvitee(invited);
        String cancelled = uniqueEmail();
        long cancelledUser = invite(cancelled, acme());
        commands.requestCancel(invitationIdOf(cancelledUser), "demo");

        MockHttpServletResponse forInvited = ask(invited);
        MockHttpServletResponse forCancelled = ask(cancelled);
        MockHttpServletResponse forNobody = ask(uniqueEmail());
        MockHttpServletResponse forDemo = ask("demo@onboarding.local");

        assertThat(forInvited.getStatus()).isEqualTo(200);
        for (MockHttpServletResponse other : List.of(forCancelled, forNobody, forDemo)) {
            assertThat(other.getStatus()).isEqualTo(forInvited.getStatus());
            assertThat(other.getContentAsString()).isEqualTo(forInvited.getContentAsString());
        }
        assertThat(forInvited.getContentAsString()).contains("Request received");
    }

    @Test
    void anExpiredInvitation_givesTheInviterATaskToResend() throws Exception {
        String email = uniqueEmail();
        long userId = expiredInvitee(email);
        ask(email);
        runChecks();

        List<Task> tasks = tasksFor(userId);
        assertThat(tasks).hasSize(1);
        Task task = tasks.get(0);
        assertThat(task.getName()).isEqualTo("Ina Vogel asks for a new link");
        assertThat(task.getAssignee()).isEqualTo("demo");
        assertThat(runtimeService.getVariables(task.getProcessInstanceId()).values())
                .as("no address or name in the variables").noneMatch(value -> String.valueOf(value).contains(email)
                        || String.valueOf(value).contains("Vogel"));
        assertThat(jdbc.queryForObject("select count(*) from new_link_request where lower(email) = ?", Long.class,
                email.toLowerCase())).as("the address is deleted after the check").isZero();

        completeAs("demo", task, NewLinkRequestProcess.RESEND);

        assertThat(invitation(invitationIdOf(userId)).getStatus()).isEqualTo(InvitationStatus.PENDING);
        mailInvitation(userId);
        assertThat(registration.open(latestToken(email)).getEmail()).isEqualTo(email);
        assertThat(auditEvents.findBySubjectUserIdOrderByOccurredAtAsc(userId)).extracting(AuditEvent::getAction)
                .containsSubsequence(AuditAction.NEW_LINK_REQUESTED, AuditAction.INVITATION_RESENT);
    }

    @Test
    void decline_sendsNothing() throws Exception {
        String email = uniqueEmail();
        long userId = expiredInvitee(email);
        ask(email);
        runChecks();
        int mails = mailsTo(email).size();
        completeAs("demo", tasksFor(userId).get(0), NewLinkRequestProcess.DECLINE);
        assertThat(mailsTo(email)).hasSize(mails);
        assertThat(invitation(invitationIdOf(userId)).getStatus()).isEqualTo(InvitationStatus.EXPIRED);
        assertThat(auditEvents.findBySubjectUserIdOrderByOccurredAtAsc(userId)).extracting(AuditEvent::getAction)
                .endsWith(AuditAction.NEW_LINK_DECLINED);
    }

    @Test
    void aCancelledInvitationAndUnknownAddressesGetNoTask() throws Exception {
        String cancelled = uniqueEmail();
        long cancelledUser = invite(cancelled, acme());
        commands.requestCancel(invitationIdOf(cancelledUser), "demo");
        long before = taskService.createTaskQuery().processDefinitionKey(NewLinkRequestProcess.KEY).count();
        ask(cancelled);
        ask(uniqueEmail());
        runChecks();
        assertThat(taskService.createTaskQuery().processDefinitionKey(NewLinkRequestProcess.KEY).count())
                .isEqualTo(before);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(NewLinkRequestProcess.KEY)
                .processInstanceBusinessKey(NewLinkRequestProcess.businessKey(cancelledUser)).count()).isZero();
    }

    @Test
    void aSecondRequestWhileOneWaits_addsNoTask() throws Exception {
        String email = uniqueEmail();
        long userId = expiredInvitee(email);
        ask(email);
        ask(email);
        runChecks();
        assertThat(tasksFor(userId)).hasSize(1);
    }

    @Test
    void requestsAreLimitedPerAddress_forUnknownAddressesToo() throws Exception {
        String nobody = uniqueEmail();
        for (int i = 0; i < NewLinkThrottle.PER_ADDRESS; i++) {
            assertThat(ask(nobody).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = ask(nobody);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(refused.getContentAsString()).contains("Please wait a while");
        // The first of the three requests leaves the day's window in about 24 hours.
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(86_000L, 86_400L);
    }

    @Test
    void requestsAreLimitedPerIp() throws Exception {
        for (int i = 0; i < NewLinkThrottle.PER_IP; i++) {
            assertThat(ask(uniqueEmail()).getStatus()).isEqualTo(200);
        }
        MockHttpServletResponse refused = ask(uniqueEmail());
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Long.parseLong(refused.getHeader("Retry-After"))).isBetween(3_000L, 3_600L);
    }

    @Test
    void aScopedAdminOutsideTheUsersClientsCannotResend() throws Exception {
        String email = uniqueEmail();
        long userId = expiredInvitee(email);
        ask(email);
        runChecks();
        Task task = tasksFor(userId).get(0);
        String outsider = scopedAdmin(List.of(globex()), List.of());
        taskService.setAssignee(task.getId(), outsider);
        assertThatThrownBy(() -> completeAs(outsider, task, NewLinkRequestProcess.RESEND))
                .isInstanceOf(AuthorizationException.class);
        assertThat(invitation(invitationIdOf(userId)).getStatus()).isEqualTo(InvitationStatus.EXPIRED);
    }

    @Test
    void deletingTheUserDeletesTheirRequests() throws Exception {
        String email = uniqueEmail();
        long userId = expiredInvitee(email);
        ask(email);
        runChecks();
        String instance = tasksFor(userId).get(0).getProcessInstanceId();
        asDemo(MockMvcRequestBuilders.delete("/api/users/" + userId));
        assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instance).count()).isZero();
    }

    /**
     * A request waiting for its answer in the version shipped before the models' ids said their kind
     * (src/test/resources/earlier-versions/new-link-request.bpmn, "AnswerNewLinkRequest"): the next start moves it
     * by bpmn/new-link-request.migration.json, the task keeps its id and assignee, and the answer ends it.
     */
    @Test
    void aRequestWaitingInTheVersionBeforeTheIdConvention_movesAndIsAnswered() throws Exception {
        ModelVersions.deploy(repository, "new-link-request.bpmn", ModelVersions.earlier("new-link-request.bpmn"),
                NewLinkRequestProcess.KEY);
        String email = uniqueEmail();
        long userId = expiredInvitee(email);
        ask(email);
        runChecks();
        Task waiting = tasksFor(userId).get(0);
        assertThat(waiting.getTaskDefinitionKey()).isEqualTo("AnswerNewLinkRequest");

        ProcessDefinition current = ModelVersions.deploy(repository, "new-link-request.bpmn",
                ModelVersions.model("new-link-request.bpmn"), NewLinkRequestProcess.KEY);
        nextStart.afterSingletonsInstantiated();

        Task moved = tasksFor(userId).get(0);
        assertThat(moved.getId()).isEqualTo(waiting.getId());
        assertThat(moved.getProcessDefinitionId()).isEqualTo(current.getId());
        assertThat(moved.getTaskDefinitionKey()).isEqualTo(NewLinkRequestProcess.TASK_ANSWER);
        assertThat(moved.getAssignee()).isEqualTo("demo");
        assertThat(moved.getName()).as("named as before").isEqualTo(waiting.getName());
        completeAs("demo", moved, NewLinkRequestProcess.RESEND);
        assertThat(invitation(invitationIdOf(userId)).getStatus()).isEqualTo(InvitationStatus.PENDING);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(moved.getProcessInstanceId()).count())
                .isZero();
    }
}
