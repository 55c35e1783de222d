package com.onboarding.registration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationRequest;
import com.onboarding.support.IntegrationTest;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserStatus;
import java.time.Duration;
import java.util.Locale;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/** The public registration page behind the invitation link. */
class RegistrationPageTest extends IntegrationTest {

    static final String DEAD_LINK_TEXT = "This link is no longer valid";
    static final String GOOD_PASSWORD = "Sunny-Day-42";

    @Autowired
    MockMvc mvc;
    @Autowired
    InvitationCommands invitationService;
    @Autowired
    UserAccountRepository users;

    record Invited(long invitationId, String email, String token) {
    }

    Invited invite() {
        InvitationRequest request = validRequest();
        long id = invitationService.invite(request).invitationId();
        executeJob(processOf(id).getId(), "Activity_SendInvitationMail");
        return new Invited(id, request.email(), latestToken(request.email()));
    }

    MockHttpServletRequestBuilder submit(String token, String password, String confirmation) {
        return submit(token, "Anna", password, confirmation);
    }

    MockHttpServletRequestBuilder submit(String token, String firstName, String password, String confirmation) {
        return post("/register").locale(Locale.ENGLISH)
                .param("token", token).param("firstName", firstName).param("lastName", "Berg").param("language", "en")
                .param("password", password).param("passwordConfirmation", confirmation);
    }

    UserAccount user(String email) {
        return users.findByEmailNormalized(email).orElseThrow();
    }

    void assertDeadLink(ResultActions result) throws Exception {
        result.andExpect(status().isNotFound())
                .andExpect(content().string(Matchers.containsString(DEAD_LINK_TEXT)))
                .andExpect(content().string(Matchers.containsString("Ask your administrator to resend the invitation")));
    }

    @Test
    void linkShowsTheInviteesDataWithFixedEmailAndNoReferrer() throws Exception {
        Invited invited = invite();
        mvc.perform(get("/register").param("token", invited.token()).locale(Locale.ENGLISH))
                .andExpect(status().isOk())
                .andExpect(header().string("Referrer-Policy", "no-referrer"))
                .andExpect(content().string(Matchers.containsString("value=\"" + invited.email() + "\" readonly")))
                .andExpect(content().string(Matchers.containsString("value=\"Anna\"")))
                .andExpect(content().string(Matchers.containsString("name=\"_csrf\"")))
                .andExpect(content().string(Matchers.containsString("an upper-case letter")));
    }

    @Test
    void thePageSaysWhoInvitedForWhichClientsRoleAndPermissions_withThePersonalText() throws Exception {
        Invited invited = invite();
        mvc.perform(get("/register").param("token", invited.token()).locale(Locale.ENGLISH))
                .andExpect(content().string(Matchers.containsString("Demo Admin invited you to Onboarding.")))
                .andExpect(content().string(Matchers.containsString("Welcome aboard, Anna!")))
                .andExpect(content().string(Matchers.containsString("Acme Corporation")))
                .andExpect(content().string(Matchers.containsString("Standard user")))
                .andExpect(content().string(Matchers.containsString("Works with the data of the assigned clients")))
                .andExpect(content().string(Matchers.containsString("View reports")))
                .andExpect(content().string(Matchers.containsString("Open the reporting dashboards")));
        mvc.perform(get("/register").param("token", invited.token()).locale(Locale.GERMAN))
                .andExpect(content().string(Matchers.containsString("Demo Admin hat Sie zu Onboarding eingeladen.")))
                .andExpect(content().string(Matchers.containsString("Zusätzliche Berechtigungen")))
                .andExpect(content().string(Matchers.containsString("Standardbenutzer")))
                .andExpect(content().string(Matchers.containsString("Berichte ansehen")));
    }

    @Test
    void aRefusedFieldIsMarkedAndDescribedNextToIt() throws Exception {
        Invited invited = invite();
        String page = mvc.perform(submit(invited.token(), "lower-case-42", "lower-case-42").with(csrf()))
                .andReturn().getResponse().getContentAsString();
        assertThat(tag(page, "password")).contains("aria-describedby=\"password-error password-rules\"")
                .contains("aria-invalid=\"true\"").contains("class=\"invalid\"");
        assertThat(tag(page, "firstName")).doesNotContain("aria-invalid");
        assertThat(page).contains("<p class=\"error\" id=\"password-error\">The password must contain an upper-case letter.</p>");
        // Any alphabet's capitals count, on the server as in the checklist.
        Invited other = invite();
        mvc.perform(submit(other.token(), "Äöü1!Äöü1", "Äöü1!Äöü1").with(csrf()))
                .andExpect(redirectedUrl("/register/done"));
    }

    @Test
    void validRegistrationActivatesTheUserAndUsesUpTheLink() throws Exception {
        Invited invited = invite();
        mvc.perform(submit(invited.token(), GOOD_PASSWORD, GOOD_PASSWORD).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andExpect(redirectedUrl("/register/done"));
        assertThat(user(invited.email()).getStatus()).isEqualTo(UserStatus.ACTIVE);

        assertDeadLink(mvc.perform(get("/register").param("token", invited.token())));
        assertDeadLink(mvc.perform(submit(invited.token(), GOOD_PASSWORD, GOOD_PASSWORD).with(csrf())));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "Sh-0rt          | The password must have at least 8 characters.",
            "lower-case-42   | The password must contain an upper-case letter.",
            "UPPER-CASE-42   | The password must contain a lower-case letter.",
            "No-Digits-Here  | The password must contain a digit.",
            "NoSpecial42abc  | The password must contain a special character.",
    })
    void eachPasswordRuleIsEnforcedOnTheServer(String password, String message) throws Exception {
        Invited invited = invite();
        mvc.perform(submit(invited.token(), password, password).with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString(message)));
        assertThat(user(invited.email()).getStatus()).isEqualTo(UserStatus.INVITED);
        assertThat(user(invited.email()).getPasswordHash()).isNull();
    }

    @Test
    void tooLongPasswordAndPasswordContainingTheEmailAreRefused() throws Exception {
        Invited invited = invite();
        String tooLong = "Aa1!" + "x".repeat(61);
        mvc.perform(submit(invited.token(), tooLong, tooLong).with(csrf()))
                .andExpect(content().string(Matchers.containsString("The password may have at most 64 characters.")));
        String withEmail = "X1!" + invited.email();
        mvc.perform(submit(invited.token(), withEmail, withEmail).with(csrf()))
                .andExpect(content().string(Matchers.containsString("The password must not contain your email address.")));
        assertThat(user(invited.email()).getStatus()).isEqualTo(UserStatus.INVITED);
    }

    @Test
    void confirmationMustMatch_andNamesAreMandatory() throws Exception {
        Invited invited = invite();
        mvc.perform(submit(invited.token(), " ", GOOD_PASSWORD, GOOD_PASSWORD + "x").with(csrf()))
                .andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("The two passwords do not match.")))
                .andExpect(content().string(Matchers.containsString("Enter your first name.")));
        assertThat(user(invited.email()).getStatus()).isEqualTo(UserStatus.INVITED);
    }

    @Test
    void germanBrowserGetsGermanPage() throws Exception {
        Invited invited = invite();
        mvc.perform(get("/register").param("token", invited.token()).locale(Locale.GERMAN))
                .andExpect(content().string(Matchers.containsString("Registrierung abschließen")));
    }

    @Test
    void withoutCsrfTokenTheSubmissionIsRefused() throws Exception {
        Invited invited = invite();
        mvc.perform(submit(invited.token(), GOOD_PASSWORD, GOOD_PASSWORD))
                .andExpect(status().isForbidden());
        assertThat(user(invited.email()).getStatus()).isEqualTo(UserStatus.INVITED);
    }

    @Test
    void unknownAndMalformedLinksShowTheSameDeadLinkPage() throws Exception {
        assertDeadLink(mvc.perform(get("/register").param("token", "A".repeat(43))));
        assertDeadLink(mvc.perform(get("/register").param("token", "nonsense")));
        assertDeadLink(mvc.perform(get("/register")));
    }

    @Test
    void cancelledLinkShowsTheDeadLinkPage() throws Exception {
        Invited invited = invite();
        invitationService.requestCancel(invited.invitationId(), "demo");
        assertDeadLink(mvc.perform(get("/register").param("token", invited.token())));
        assertDeadLink(mvc.perform(submit(invited.token(), GOOD_PASSWORD, GOOD_PASSWORD).with(csrf())));
        assertThat(user(invited.email()).getStatus()).isEqualTo(UserStatus.INVITED);
    }

    @Test
    void expiredLinkShowsTheDeadLinkPage_evenBeforeTheTimerFired() throws Exception {
        Invited invited = invite();
        clock.advance(Duration.ofDays(21).plusSeconds(1));
        assertDeadLink(mvc.perform(get("/register").param("token", invited.token())));
        assertDeadLink(mvc.perform(submit(invited.token(), GOOD_PASSWORD, GOOD_PASSWORD).with(csrf())));
    }

    @Test
    void replacedLinkShowsTheDeadLinkPageAfterResend() throws Exception {
        Invited invited = invite();
        invitationService.requestResend(invited.invitationId(), "demo");
        assertDeadLink(mvc.perform(get("/register").param("token", invited.token())));
    }

    /** The input element with this id, as the page has it. */
    private static String tag(String page, String id) {
        java.util.regex.Matcher input = java.util.regex.Pattern.compile("<input[^>]*id=\"" + id + "\"[^>]*>").matcher(page);
        assertThat(input.find()).as("input " + id).isTrue();
        return input.group();
    }
}
