package com.onboarding.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onboarding.approval.ApprovalProcess;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Approve and Reject on a row that awaits approval, on the screen and through /api: the four-eyes rule of
 * Tasklist's task (a global admin other than the inviter; a reason for a rejection), and nothing changes when refused.
 */
class InlineApprovalTest extends AdminTestSupport {

    @Test
    void anotherGlobalAdminApproves_andTheLinkIsMailed() throws Exception {
        String email = uniqueEmail();
        long userId = awaitingApproval(email);
        String second = globalAdmin();

        String page = mvc.perform(get("/users").param("q", email).with(user(second).roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains("aria-label=\"Approve the invitation to " + email + "\"");
        String inviterPage = mvc.perform(get("/users").param("q", email).with(user("demo").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(inviterPage).as("the inviter is offered no approval of their own").doesNotContain("Approve the invitation");

        MockHttpServletResponse response = mvc.perform(MockMvcRequestBuilders.post("/users/" + userId + "/approve")
                .param("returnTo", "/users").with(user(second).roles("ADMIN")).with(csrf())).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/users");
        assertThat(statusOf(userId)).isEqualTo("INVITED");
        mailInvitation(userId);
        assertThat(mailsTo(email)).hasSize(1);
    }

    @Test
    void theInviterAndScopedAdminsAreRefused_andNothingChanges() throws Exception {
        String email = uniqueEmail();
        long userId = awaitingApproval(email);
        asDemo(MockMvcRequestBuilders.post("/api/users/" + userId + "/approve")).andExpect(status().isBadRequest());
        String acmeAdmin = scopedAdmin(List.of(acme()), List.of());
        api(acmeAdmin, PASSWORD, MockMvcRequestBuilders.post("/api/users/" + userId + "/approve"))
                .andExpect(status().isForbidden());
        String globexAdmin = scopedAdmin(List.of(globex()), List.of());
        api(globexAdmin, PASSWORD, MockMvcRequestBuilders.post("/api/users/" + userId + "/approve"))
                .andExpect(status().isForbidden());
        assertThat(statusOf(userId)).isEqualTo("AWAITING_APPROVAL");
        assertThat(openApprovalTasks(userId)).isOne();
    }

    @Test
    void aRejectionNeedsAReason_andTellsTheInviterWhy() throws Exception {
        String email = uniqueEmail();
        long userId = awaitingApproval(email);
        String second = globalAdmin();

        MockHttpServletResponse refused = mvc.perform(MockMvcRequestBuilders.post("/users/" + userId + "/reject")
                .param("reason", "  ").with(user(second).roles("ADMIN")).with(csrf())).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("Reject the invitation?");
        assertThat(statusOf(userId)).isEqualTo("AWAITING_APPROVAL");

        api(second, PASSWORD, post("/api/users/" + userId + "/reject", Map.of("reason", "Not before the contract.")))
                .andExpect(status().isOk());
        assertThat(statusOf(userId)).isEqualTo("INVITATION_REJECTED");
        executeJob(approvalCalledBy(invitation(invitationIdOf(userId)).getProcessInstanceId()).getId(),
                ApprovalProcess.Elements.MAIL_APPROVAL_REJECTION);
        assertThat(mailsTo("demo@onboarding.local")).anySatisfy(mail ->
                assertThat(textPart(mail)).contains("Not before the contract."));
        assertThat(mailsTo(email)).isEmpty();
    }

    @Test
    void aUserWhoseInvitationDoesNotAwaitApproval_isAConflict() throws Exception {
        long userId = invite(uniqueEmail(), acme());
        api(globalAdmin(), PASSWORD, MockMvcRequestBuilders.post("/api/users/" + userId + "/approve"))
                .andExpect(status().isConflict());
    }

    private long awaitingApproval(String email) throws Exception {
        String created = asDemo(post("/api/invitations", invitation(email, "ADMINISTRATOR", List.of(), List.of(acme()))))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        long userId = json.readTree(created).get("userId").asLong();
        assertThat(statusOf(userId)).isEqualTo("AWAITING_APPROVAL");
        return userId;
    }

    private String statusOf(long userId) throws Exception {
        return json.readTree(asDemo(get("/api/users/" + userId)).andReturn().getResponse().getContentAsString())
                .get("status").asText();
    }

    private long openApprovalTasks(long userId) {
        return processEngine.getTaskService().createTaskQuery()
                .processInstanceId(approvalCalledBy(invitation(invitationIdOf(userId)).getProcessInstanceId()).getId())
                .count();
    }
}
