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
        String job = job(instance, "SendInvitationMail").getId();
        assertThat(rest.json("PUT", "/engine-rest/job/" + job + "/retries", "{\"retries\":2}").status()).isEqualTo(204);
        assertThat(job(instance, "SendInvitationMail").getRetries()).isEqualTo(2);
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
}
