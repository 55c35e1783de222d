package com.onboarding.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.admin.AdminTestSupport;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditEvent;
import com.onboarding.audit.AuditEventRepository;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.registration.RegistrationService;
import com.onboarding.support.Http.Response;
import com.onboarding.support.Http;
import com.onboarding.users.UserStatus;
import com.onboarding.scopes.AdminScope;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The attacks of issue "One authority model", replayed over HTTP against the running application, each by a scoped
 * administrator of Acme (a Camunda user outside camunda-admin) on Globex's invitations, or by a global admin who
 * tries to go around the application's rules through the engine. Each is refused and changes nothing.
 */
class AttackReplayTest extends AdminTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    AuditEventRepository audit;
    @Autowired
    TaskService taskService;
    @Autowired
    RegistrationService registration;

    String scoped;
    Http attacker;
    Http demoRest;
    long globexUser;
    String globexEmail;

    @BeforeEach
    void acmeAdminAndAGlobexInvitation() throws Exception {
        scoped = scopedAdmin(List.of(acme()), List.of("VIEW_REPORTS"));
        attacker = Http.basic(port, scoped, PASSWORD);
        demoRest = Http.basic(port, "demo", DEMO_PASSWORD);
        globexEmail = uniqueEmail();
        globexUser = invite(globexEmail, globex());
        mailInvitation(globexUser);
    }

    String instanceOf(long userId) {
        return invitation(invitationIdOf(userId)).getProcessInstanceId();
    }

    List<AuditEvent> auditAbout(long userId) {
        return audit.findBySubjectUserIdOrderByOccurredAtAsc(userId);
    }

    @Test
    void scopedAdminCannotMakeAnyoneAGlobalAdmin() {
        Response response = attacker.put("/engine-rest/group/camunda-admin/members/" + scoped);
        assertThat(response.status()).isEqualTo(403);
        assertThat(identity.createUserQuery().memberOfGroup(AdminScope.GLOBAL_GROUP).userId(scoped).count()).isZero();
    }

    @Test
    void scopedAdminCannotChangeAnotherAdminsPassword() {
        Response response = attacker.json("PUT", "/engine-rest/user/demo/credentials",
                "{\"password\":\"Taken-Over-1!\",\"authenticatedUserPassword\":\"" + PASSWORD + "\"}");
        assertThat(response.status()).as("the scoped admin cannot even see demo").isEqualTo(404);
        assertThat(identity.checkPassword("demo", DEMO_PASSWORD)).isTrue();
    }

    @Test
    void scopedAdminHasTasklistOnly_notCockpitNorCamundaAdmin() {
        Http browser = Http.session(port, scoped, PASSWORD);
        String apps = browser.webapp("GET", "/camunda/api/admin/auth/user/default", null).body();
        assertThat(apps).contains("\"tasklist\"").doesNotContain("\"cockpit\"").doesNotContain("\"admin\"");
        assertThat(browser.webapp("GET", "/camunda/api/engine/engine/default/user", null).body())
                .doesNotContain("\"id\":\"demo\"");
        assertThat(attacker.get("/engine-rest/process-instance?processDefinitionKey=" + InvitationProcess.KEY).body())
                .isEqualTo("[]");
        assertThat(attacker.get("/engine-rest/history/process-instance").body()).isEqualTo("[]");
    }

    @Test
    void theInviterVariableImpersonatesNobody() {
        Response started = attacker.json("POST", "/engine-rest/process-definition/key/invite-user/start",
                "{\"variables\":{\"inviter\":{\"value\":\"demo\"}}}");
        assertThat(started.status()).isEqualTo(200);
        Task task = taskService.createTaskQuery().processInstanceId(id(started.body())).singleResult();
        assertThat(task.getAssignee()).isEqualTo(scoped);

        long usersBefore = users.count();
        Response refused = attacker.json("POST", "/engine-rest/task/" + task.getId() + "/submit-form",
                formVariables(uniqueEmail(), "ADMINISTRATOR", globex()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Only global administrators can grant the role 'Administrator'.")
                .contains("Client " + globex() + " does not exist.").doesNotContain(task.getId());
        assertThat(users.count()).isEqualTo(usersBefore);

        String email = uniqueEmail();
        assertThat(attacker.json("POST", "/engine-rest/task/" + task.getId() + "/submit-form",
                formVariables(email, "STANDARD", acme())).status()).isEqualTo(204);
        long userId = users.findByEmailNormalized(email).orElseThrow().getId();
        assertThat(invitation(invitationIdOf(userId)).getInvitedBy()).isEqualTo(scoped);
        assertThat(auditAbout(userId)).extracting(AuditEvent::getActor).containsOnly(scoped);
    }

    @Test
    void anotherAdminsTaskCannotBeSeenNorCompleted() {
        Response started = demoRest.json("POST", "/engine-rest/process-definition/key/invite-user/start", "{}");
        Task task = taskService.createTaskQuery().processInstanceId(id(started.body())).singleResult();
        assertThat(task.getAssignee()).isEqualTo("demo");

        assertThat(attacker.get("/engine-rest/task/" + task.getId()).status()).isIn(403, 404);
        assertThat(attacker.json("POST", "/engine-rest/task/" + task.getId() + "/submit-form",
                formVariables(uniqueEmail(), "STANDARD", acme())).status()).isEqualTo(403);
        assertThat(attacker.json("POST", "/engine-rest/task/" + task.getId() + "/claim",
                "{\"userId\":\"" + scoped + "\"}").status()).isEqualTo(403);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getAssignee()).isEqualTo("demo");
    }

    @Test
    void messagesToAnotherClientsInvitationAreRefused() {
        int auditBefore = auditAbout(globexUser).size();
        for (String message : List.of(InvitationProcess.MESSAGE_CANCEL, InvitationProcess.MESSAGE_RESEND,
                InvitationProcess.MESSAGE_REGISTRATION_COMPLETED)) {
            Response response = attacker.json("POST", "/engine-rest/message", "{\"messageName\":\"" + message
                    + "\",\"businessKey\":\"" + InvitationProcess.businessKey(invitationIdOf(globexUser)) + "\"}");
            assertThat(response.status()).as(message).isIn(400, 403);
        }
        assertThat(invitation(invitationIdOf(globexUser)).getStatus()).isEqualTo(InvitationStatus.PENDING);
        assertThat(invitation(invitationIdOf(globexUser)).getTokenHash()).isNotNull();
        assertThat(auditAbout(globexUser)).hasSize(auditBefore);
    }

    @Test
    void executingAnotherClientsJobIsRefused_withoutUsingUpItsRetries() {
        // The first mail went out in the set-up; a resend queues a new mail job.
        demoRest.json("POST", "/engine-rest/message", "{\"messageName\":\"ResendInvitation\","
                + "\"processInstanceId\":\"" + instanceOf(globexUser) + "\"}");
        var mailJob = job(instanceOf(globexUser), "Activity_SendInvitationMail");
        int retries = mailJob.getRetries();
        for (int i = 0; i < 3; i++) {
            assertThat(attacker.json("POST", "/engine-rest/job/" + mailJob.getId() + "/execute", "{}").status())
                    .isEqualTo(403);
        }
        assertThat(job(instanceOf(globexUser), "Activity_SendInvitationMail").getRetries()).isEqualTo(retries);
        assertThat(demoRest.json("POST", "/engine-rest/job/" + mailJob.getId() + "/execute", "{}").status())
                .as("a global admin may").isEqualTo(204);
    }

    @Test
    void aGlobalAdminsMessageFollowsTheSameRulesAndAudit() {
        Response response = demoRest.json("POST", "/engine-rest/message", "{\"messageName\":\"CancelInvitation\","
                + "\"businessKey\":\"" + InvitationProcess.businessKey(invitationIdOf(globexUser)) + "\"}");
        assertThat(response.status()).isEqualTo(204);
        assertThat(invitation(invitationIdOf(globexUser)).getStatus()).isEqualTo(InvitationStatus.CANCELLED);
        assertThat(auditAbout(globexUser)).last().satisfies(event -> {
            assertThat(event.getAction()).isEqualTo(AuditAction.INVITATION_CANCELLED);
            assertThat(event.getActor()).isEqualTo("demo");
        });
    }

    @Test
    void deletingTheInstanceInTheEngine_isRefusedToScopedAdmins_andCancelsTheInvitationForGlobalOnes() throws Exception {
        String instance = instanceOf(globexUser);
        assertThat(attacker.delete("/engine-rest/process-instance/" + instance).status()).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isOne();

        assertThat(demoRest.delete("/engine-rest/process-instance/" + instance + "?skipCustomListeners=true").status())
                .isEqualTo(204);
        assertThat(invitation(invitationIdOf(globexUser)).getStatus()).isEqualTo(InvitationStatus.CANCELLED);
        assertThat(auditAbout(globexUser)).last().satisfies(event -> {
            assertThat(event.getAction()).isEqualTo(AuditAction.INVITATION_CANCELLED);
            assertThat(event.getActor()).isEqualTo("demo");
            assertThat(event.getDetails()).contains("deleted in the engine");
        });
        // Not stuck: the row says so, and Resend invites again with a fresh process.
        asDemo(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/users/" + globexUser))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                        .value("INVITATION_CANCELLED"));
        asDemo(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                "/api/users/" + globexUser + "/resend-invitation"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.status")
                        .value("INVITED"));
        assertThat(instanceOf(globexUser)).isNotEqualTo(instance);
    }

    @Test
    void rewrittenIdsNeverRedirectAStep() throws Exception {
        String acmeEmail = uniqueEmail();
        long acmeUser = invite(acmeEmail, acme());
        mailInvitation(acmeUser);
        String acmeInstance = instanceOf(acmeUser);
        String rewrite = "{\"value\":" + invitationIdOf(globexUser) + ",\"type\":\"Long\"}";

        assertThat(attacker.json("PUT", "/engine-rest/process-instance/" + acmeInstance + "/variables/invitationId",
                rewrite).status()).isEqualTo(403);

        // Even a global admin's variable naming another invitation makes no step act on it: the steps read their
        // invitation from the instance's business key, which the engine's REST API cannot change.
        assertThat(demoRest.json("PUT", "/engine-rest/process-instance/" + acmeInstance + "/variables/invitationId",
                rewrite).status()).isEqualTo(204);
        int auditBefore = auditAbout(globexUser).size();
        Response resend = demoRest.json("POST", "/engine-rest/message",
                "{\"messageName\":\"ResendInvitation\",\"processInstanceId\":\"" + acmeInstance + "\"}");
        assertThat(resend.status()).isEqualTo(204);
        assertThat(invitation(invitationIdOf(globexUser)).getResendCount()).isZero();
        assertThat(invitation(invitationIdOf(acmeUser)).getResendCount()).isEqualTo(1);
        assertThat(auditAbout(globexUser)).hasSize(auditBefore);

        // An instance started by hand under another invitation's key acts on nothing: that invitation names its own.
        Response started = demoRest.json("POST", "/engine-rest/process-definition/key/" + InvitationProcess.KEY
                + "/start", "{\"businessKey\":\"" + InvitationProcess.businessKey(invitationIdOf(globexUser))
                + "\",\"variables\":{\"needsApproval\":{\"value\":false,\"type\":\"Boolean\"}}}");
        // Camunda's REST start answers any refusal inside the start as "Cannot instantiate" with status 500.
        assertThat(started.status()).isIn(400, 500);
        assertThat(started.body()).contains("does not run invitation");
        assertThat(runtimeService.createProcessInstanceQuery()
                .processInstanceBusinessKey(InvitationProcess.businessKey(invitationIdOf(globexUser))).count())
                .isEqualTo(1);
        assertThat(auditAbout(globexUser)).hasSize(auditBefore);
    }

    @Test
    void theRegistrationIsTheInviteesOnly() {
        // The invitee's step is no task anyone could claim or complete.
        assertThat(demoRest.get("/engine-rest/task?processInstanceId=" + instanceOf(globexUser)).body())
                .isEqualTo("[]");
        Response response = demoRest.json("POST", "/engine-rest/message", "{\"messageName\":\"RegistrationCompleted\","
                + "\"processInstanceId\":\"" + instanceOf(globexUser) + "\"}");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("Only the invitee completes the registration");
        assertThat(users.findById(globexUser).orElseThrow().getStatus()).isEqualTo(UserStatus.INVITED);

        registration.register(registrationForm(latestToken(globexEmail), "Sunny-Day-42"));
        assertThat(users.findById(globexUser).orElseThrow().getStatus()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void aFailedSignInShowsTheSignInPage_andTheThrottleSaysToWait() {
        Http browser = Http.anonymous(port);
        String name = "nobody" + uniqueEmail().substring(5, 13);
        Response failed = browser.form("/login", Map.of("username", name, "password", "wrong"));
        assertThat(failed.header("Location")).endsWith("/login?error");
        Response page = browser.get("/login?error");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Wrong email, user name or password.");
        for (int i = 0; i < 5; i++) {
            browser.form("/login", Map.of("username", name, "password", "wrong"));
        }
        assertThat(browser.get("/login?error").body()).contains("Too many failed sign-ins. Wait 15 minutes");
    }

    static String id(String json) {
        return json.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
    }

    static String formVariables(String email, String role, long clientId) {
        return "{\"variables\":{"
                + "\"email\":{\"value\":\"" + email + "\"},"
                + "\"firstName\":{\"value\":\"Eve\"},\"lastName\":{\"value\":\"Mallory\"},"
                + "\"language\":{\"value\":\"en\"},\"role\":{\"value\":\"" + role + "\"},"
                + "\"clients\":{\"value\":\"[\\\"" + clientId + "\\\"]\",\"type\":\"Json\"}}}";
    }
}
