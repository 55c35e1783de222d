package com.onboarding.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onboarding.admin.AdminTestSupport;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.privileges.PrivilegeChangeProcess;
import com.onboarding.support.Http;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * What the application refuses inside an engine call made over /engine-rest (an operator's process modification, a
 * Camunda user with a weak password) is a 4xx with the application's sentence, as a Tasklist form refusal is; it was
 * a 500 with the engine's stack trace in the log. Nothing changes.
 */
class EngineRestRefusalsTest extends AdminTestSupport {

    @LocalServerPort
    int port;

    Http rest() {
        return Http.basic(port, "demo", DEMO_PASSWORD);
    }

    @Test
    void aWeakPasswordForANewCamundaUser_isA400WithTheRules() {
        String id = "weak" + uniqueEmail().substring(5, 11);
        Http.Response response = rest().json("POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + id
                + "\",\"firstName\":\"Wanda\",\"lastName\":\"Weak\"},\"credentials\":{\"password\":\"weakpass\"}}");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("The password does not follow the password rules")
                .doesNotContain("Exception:");
        assertThat(identity.createUserQuery().userId(id).count()).isZero();
    }

    /** The requester approving their own change by starting the decision step in Cockpit's modification API. */
    @Test
    void aFourEyesRefusalInAProcessModification_isA400WithTheSentence() throws Exception {
        long userId = invite(uniqueEmail(), acme());
        asDemo(put("/api/users/" + userId).content(json.writeValueAsString(
                Map.of("firstName", "Ina", "lastName", "Vogel", "language", "en",
                        "roleCode", "ADMINISTRATOR", "permissionCodes", List.of(), "clientIds", List.of(acme()))))).andExpect(status().isOk());
        String instance = runtimeService.createProcessInstanceQuery()
                .processDefinitionKey(PrivilegeChangeProcess.KEY).orderByProcessInstanceId().desc().list().stream()
                .filter(p -> ("/users/" + userId).equals(runtimeService.getVariable(p.getId(),
                        PrivilegeChangeProcess.USER_LINK.name())))
                .findFirst().orElseThrow().getId();
        String approval = approvalCalledBy(instance).getId();
        Http.Response response = rest().json("POST", "/engine-rest/process-instance/" + approval + "/modification",
                "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Activity_RecordApprovalDecision\","
                        + "\"variables\":{\"approvalDecision\":{\"value\":\"approve\",\"type\":\"String\"}}},"
                        + "{\"type\":\"cancel\",\"activityId\":\"Activity_ApproveRequest\"}]}");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("another global administrator").doesNotContain("Exception:");
        assertThat(users.findById(userId).orElseThrow().getRole().getCode()).isEqualTo("STANDARD");
    }

    /** "Issue new link" started by hand on an invitation that still waits for its approval (it was never mailed). */
    @Test
    void aStepThatDoesNotFitTheInvitationsState_isA400WithTheSentence() throws Exception {
        String body = asDemo(post("/api/invitations", invitation(uniqueEmail(), "ADMINISTRATOR", List.of(),
                List.of(acme())))).andReturn().getResponse().getContentAsString();
        long invitationId = json.readTree(body).get("invitationId").asLong();
        assertThat(invitation(invitationId).getStatus()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
        String instance = invitation(invitationId).getProcessInstanceId();
        Http.Response response = rest().json("POST", "/engine-rest/process-instance/" + instance + "/modification",
                "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"Activity_IssueNewLink\"}]}");
        assertThat(response.status()).as(response.body()).isEqualTo(400);
        assertThat(response.body()).contains("waiting for another global administrator").doesNotContain("Exception:");
        assertThat(invitation(invitationId).getStatus()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
    }
}
