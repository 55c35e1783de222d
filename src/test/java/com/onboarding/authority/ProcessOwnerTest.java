package com.onboarding.authority;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.admin.AdminTestSupport;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.support.Http;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A member of the process owners' group watches both processes in Cockpit, retries failed jobs, changes nothing else. */
class ProcessOwnerTest extends AdminTestSupport {

    @LocalServerPort
    int port;

    String owner;
    Http rest;
    long userId;
    String instance;

    @BeforeEach
    void processOwnerAndAnInvitation() throws Exception {
        owner = "owner" + uniqueEmail().substring(5, 13);
        User user = identity.newUser(owner);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(owner, CamundaGrants.PROCESS_OWNERS);
        rest = Http.basic(port, owner, PASSWORD);
        userId = invite(uniqueEmail(), globex());
        instance = invitation(invitationIdOf(userId)).getProcessInstanceId();
    }

    @Test
    void seesInstancesIncidentsAndHistory_inCockpit() {
        String apps = Http.session(port, owner, PASSWORD).webapp("GET", "/camunda/api/admin/auth/user/default", null).body();
        assertThat(apps).contains("\"cockpit\"").doesNotContain("\"tasklist\"").doesNotContain("\"admin\"");
        assertThat(rest.get("/engine-rest/process-instance?processDefinitionKey=" + InvitationProcess.KEY).body())
                .contains(instance);
        assertThat(rest.get("/engine-rest/history/process-instance?processDefinitionKey=" + InvitationProcess.KEY)
                .body()).contains(instance);
        assertThat(rest.get("/engine-rest/incident?processInstanceId=" + instance).status()).isEqualTo(200);
        assertThat(rest.get("/engine-rest/process-definition/key/" + InvitationProcess.KEY + "/xml").status())
                .isEqualTo(200);
    }

    @Test
    void retriesFailedJobs() {
        String job = job(instance, "Activity_SendInvitationMail").getId();
        managementService.setJobRetries(job, 0); // the mail failed until no retries were left: an incident
        assertThat(rest.json("PUT", "/engine-rest/job/" + job + "/retries", "{\"retries\":2}").status()).isEqualTo(204);
        assertThat(job(instance, "Activity_SendInvitationMail").getRetries()).isEqualTo(2);
    }

    /** Retries of 0 on a job that has not failed would stop it for good: the queued mail, the link's timer. */
    @Test
    void cannotStopOrChangeAHealthyJob() {
        String mailJob = job(instance, "Activity_SendInvitationMail").getId();
        int mailRetries = job(instance, "Activity_SendInvitationMail").getRetries();
        for (String retries : new String[] {"0", "7"}) {
            assertThat(rest.json("PUT", "/engine-rest/job/" + mailJob + "/retries", "{\"retries\":" + retries + "}")
                    .status()).isEqualTo(403);
        }
        assertThat(job(instance, "Activity_SendInvitationMail").getRetries()).isEqualTo(mailRetries);
        assertThat(runtimeService.createIncidentQuery().processInstanceId(instance).count()).isZero();

        executeJob(instance, "Activity_SendInvitationMail");
        String timer = job(instance, "Event_LinkExpired").getId();
        int timerRetries = job(instance, "Event_LinkExpired").getRetries();
        assertThat(rest.json("PUT", "/engine-rest/job/" + timer + "/retries", "{\"retries\":0}").status())
                .isEqualTo(403);
        assertThat(managementService.createJobQuery().jobId(timer).singleResult().getRetries()).isEqualTo(timerRetries);
        // The Cockpit route (the webapps' engine API) is the same command and the same check.
        assertThat(Http.session(port, owner, PASSWORD).webapp("PUT", "/camunda/api/engine/engine/default/job/" + timer
                + "/retries", "{\"retries\":0}").status()).isEqualTo(403);
        assertThat(managementService.createJobQuery().jobId(timer).singleResult().getRetries()).isEqualTo(timerRetries);
    }

    @Test
    void changesNothingElse() throws Exception {
        assertThat(rest.delete("/engine-rest/process-instance/" + instance).status()).isEqualTo(403);
        assertThat(rest.json("PUT", "/engine-rest/process-instance/" + instance + "/variables/invitationId",
                "{\"value\":1,\"type\":\"Long\"}").status()).isEqualTo(403);
        assertThat(rest.json("POST", "/engine-rest/message", "{\"messageName\":\"CancelInvitation\","
                + "\"processInstanceId\":\"" + instance + "\"}").status()).isIn(400, 403);
        assertThat(rest.json("POST", "/engine-rest/process-instance/" + instance + "/suspended",
                "{\"suspended\":true}").status()).isIn(403, 404, 405);
        assertThat(rest.json("PUT", "/engine-rest/process-instance/" + instance + "/suspended",
                "{\"suspended\":true}").status()).isEqualTo(403);
        assertThat(rest.json("POST", "/engine-rest/process-definition/key/invite-user/start", "{}").status())
                .isEqualTo(403);
        assertThat(rest.put("/engine-rest/group/camunda-admin/members/" + owner).status()).isEqualTo(403);
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult().isSuspended())
                .isFalse();
        assertThat(invitation(invitationIdOf(userId)).getStatus()).isEqualTo(InvitationStatus.PENDING);
        // No clients in their scope: the user administration shows them nobody.
        api(owner, PASSWORD, org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/users"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.total").value(0));
    }

    /** A process owner signs in and lands on Users: no Invite buttons that can only fail, and where their work is. */
    @Test
    void landsOnUsersWithoutInviteButtons_andALinkToCockpit() {
        Http session = Http.session(port, owner, PASSWORD);
        assertThat(session.get("/").header("Location")).endsWith("/users");
        String users = session.get("/users").body();
        assertThat(users).contains("You administer no client").contains("href=\"/camunda/app/cockpit/\"")
                .doesNotContain("href=\"/users/invite\"").doesNotContain("href=\"/users/bulk\"");
    }
}
