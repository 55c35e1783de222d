package com.onboarding.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onboarding.invitation.Invitation;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** "Resend with a new text": the new link's mail carries the text the admin wrote now, or none; bad text changes nothing. */
class ResendWithTextTest extends AdminTestSupport {

    @Test
    void theScreenShowsTheTextAndTheNewMailCarriesTheNewOne() throws Exception {
        String email = uniqueEmail();
        long userId = invited(email, "Welcome aboard!");
        String page = mvc.perform(get("/users/" + userId + "/resend").with(user("demo").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Welcome aboard!").contains(email);
        String oldToken = latestToken(email);

        MockHttpServletResponse response = mvc.perform(screenPost(userId).param("personalText", "  See you on Monday.  ")
                .param("returnTo", "/users?q=x")).andReturn().getResponse();
        assertThat(response.getRedirectedUrl()).isEqualTo("/users?q=x");
        mailInvitation(userId);

        assertThat(mailsTo(email)).hasSize(2);
        assertThat(textPart(mailsTo(email).get(1))).contains("See you on Monday.").doesNotContain("Welcome aboard!");
        assertThat(latestToken(email)).isNotEqualTo(oldToken);
        assertThat(currentInvitation(userId).getPersonalText()).isEqualTo("See you on Monday.");
    }

    @Test
    void anEmptyText_meansNone_whileAPlainResendKeepsTheText() throws Exception {
        String email = uniqueEmail();
        long userId = invited(email, "Welcome aboard!");
        asDemo(MockMvcRequestBuilders.post("/api/users/" + userId + "/resend-invitation")).andExpect(status().isOk());
        mailInvitation(userId);
        assertThat(textPart(mailsTo(email).get(1))).contains("Welcome aboard!");

        asDemo(post("/api/users/" + userId + "/resend-invitation", Map.of("personalText", " ")))
                .andExpect(status().isOk());
        mailInvitation(userId);
        assertThat(textPart(mailsTo(email).get(2))).doesNotContain("Welcome aboard!");
        assertThat(currentInvitation(userId).getPersonalText()).isNull();
    }

    @Test
    void aTextBreakingTheRules_isRefusedAtItsField_andNothingIsResent() throws Exception {
        String email = uniqueEmail();
        long userId = invited(email, "Welcome aboard!");
        String token = latestToken(email);

        MockHttpServletResponse page = mvc.perform(screenPost(userId).param("personalText", "x".repeat(2001)))
                .andReturn().getResponse();
        assertThat(page.getStatus()).isEqualTo(400);
        assertThat(page.getContentAsString()).contains("longer than 2000 characters").contains("The invitation was not resent");
        asDemo(post("/api/users/" + userId + "/resend-invitation", Map.of("personalText", "Hi\u0007 there")))
                .andExpect(status().isBadRequest());

        assertThat(jobs(userId)).as("no mail queued").isZero();
        assertThat(mailsTo(email)).hasSize(1);
        assertThat(latestToken(email)).isEqualTo(token);
        assertThat(registrationPageWorks(token)).isTrue();
        assertThat(currentInvitation(userId).getPersonalText()).isEqualTo("Welcome aboard!");
    }

    @Test
    void invitingAgainAfterACancellation_takesTheNewText() throws Exception {
        String email = uniqueEmail();
        long userId = invited(email, "Welcome aboard!");
        asDemo(MockMvcRequestBuilders.post("/api/users/" + userId + "/cancel-invitation")).andExpect(status().isOk());
        mvc.perform(screenPost(userId).param("personalText", "Second try.")).andReturn();
        mailInvitation(userId);
        assertThat(textPart(mailsTo(email).get(1))).contains("Second try.");
    }

    @Test
    void anotherClientsUser_isNotFound_onThePageAndThroughTheApi() throws Exception {
        String email = uniqueEmail();
        long userId = invited(email, "Welcome aboard!");
        String globexAdmin = scopedAdmin(List.of(globex()), List.of());
        assertThat(mvc.perform(get("/users/" + userId + "/resend").with(user(globexAdmin).roles("ADMIN")))
                .andReturn().getResponse().getStatus()).isEqualTo(404);
        api(globexAdmin, PASSWORD, post("/api/users/" + userId + "/resend-invitation", Map.of("personalText", "Hi")))
                .andExpect(status().isNotFound());
        assertThat(jobs(userId)).isZero();
        assertThat(currentInvitation(userId).getPersonalText()).isEqualTo("Welcome aboard!");
    }

    private long invited(String email, String personalText) throws Exception {
        Map<String, Object> body = new HashMap<>(invitation(email, "STANDARD", List.of(), List.of(acme())));
        body.put("personalText", personalText);
        String created = asDemo(post("/api/invitations", body)).andExpect(status().isCreated()).andReturn()
                .getResponse().getContentAsString();
        long userId = json.readTree(created).get("userId").asLong();
        mailInvitation(userId);
        return userId;
    }

    private MockHttpServletRequestBuilder screenPost(long userId) {
        return MockMvcRequestBuilders.post("/users/" + userId + "/resend").with(user("demo").roles("ADMIN")).with(csrf());
    }

    private Invitation currentInvitation(long userId) {
        return invitation(invitationIdOf(userId));
    }

    private long jobs(long userId) {
        return managementService.createJobQuery().processInstanceId(currentInvitation(userId).getProcessInstanceId())
                .activityId("Activity_SendInvitationMail").count();
    }

    private boolean registrationPageWorks(String token) throws Exception {
        return mvc.perform(get("/register").param("token", token)).andReturn().getResponse().getStatus() == 200;
    }
}
