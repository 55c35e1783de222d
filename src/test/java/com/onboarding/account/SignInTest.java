package com.onboarding.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestBuilders.formLogin;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onboarding.scopes.AdminScope;
import com.onboarding.admin.users.UserAdministration;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditEvent;
import com.onboarding.audit.AuditEventRepository;
import com.onboarding.invitation.InvitationRequest;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.registration.RegistrationService;
import com.onboarding.security.RecentSignIns;
import com.onboarding.support.IntegrationTest;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import java.time.Duration;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/** One sign-in page: admins reach the admin screens, users their account page; failures are audited and throttled. */
class SignInTest extends IntegrationTest {

    static final String PASSWORD = "Sunny-Day-42";

    @Autowired
    MockMvc mvc;
    @Autowired
    InvitationCommands invitationService;
    @Autowired
    RegistrationService registration;
    @Autowired
    UserAccountRepository users;
    @Autowired
    AuditEventRepository audit;
    @Autowired
    UserAdministration administration;
    @Autowired
    RecentSignIns recentSignIns;

    String registeredUser() {
        InvitationRequest request = validRequest();
        long id = invitationService.invite(request).invitationId();
        executeJob(processOf(id).getId(), "Activity_SendInvitationMail");
        registration.register(registrationForm(latestToken(request.email()), PASSWORD));
        return request.email();
    }

    /** An API client sends its password with every call: audited when it is checked, not on every call. */
    @Test
    void anApiClientsCallsAreOneAuditedSignIn_untilItsCredentialsAreCheckedAgain() throws Exception {
        recentSignIns.forgetAll();
        long before = demoSignIns();
        for (int call = 0; call < 3; call++) {
            mvc.perform(get("/api/users").with(httpBasic("demo", DEMO_PASSWORD))).andExpect(status().isOk());
        }
        assertThat(demoSignIns() - before).isEqualTo(1);
        recentSignIns.forgetAll();
        mvc.perform(get("/api/users").with(httpBasic("demo", DEMO_PASSWORD))).andExpect(status().isOk());
        assertThat(demoSignIns() - before).isEqualTo(2);
    }

    private long demoSignIns() {
        return audit.findBySubjectAdminIdOrderByOccurredAtAsc("demo").stream()
                .filter(event -> event.getAction() == AuditAction.SIGN_IN).count();
    }

    @Test
    void adminsLandOnTheUsersScreen() throws Exception {
        mvc.perform(formLogin().user("demo").password(DEMO_PASSWORD)).andExpect(redirectedUrl("/"));
        mvc.perform(get("/").with(user("demo").roles("ADMIN"))).andExpect(redirectedUrl("/users"));
        mvc.perform(get("/users")).andExpect(status().is3xxRedirection()).andExpect(redirectedUrl("http://localhost/login"));
        mvc.perform(get("/camunda/app/tasklist/")).andExpect(redirectedUrl("http://localhost/login"));
    }

    @Test
    void registeredUsersSignInWithTheirEmailAndSeeTheirAccount() throws Exception {
        String email = registeredUser();
        mvc.perform(formLogin().user(email.toUpperCase()).password(PASSWORD)).andExpect(redirectedUrl("/"));
        mvc.perform(get("/account").with(user(email).roles("USER")))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString(email)))
                .andExpect(content().string(Matchers.containsString("Standard user")))
                .andExpect(content().string(Matchers.containsString("Acme Corporation")))
                .andExpect(content().string(Matchers.containsString("View reports")));
        mvc.perform(get("/users").with(user(email).roles("USER"))).andExpect(status().isForbidden());
        mvc.perform(get("/camunda/app/cockpit/").with(user(email).roles("USER"))).andExpect(status().isForbidden());
        UserAccount user = users.findByEmailNormalized(email).orElseThrow();
        assertThat(audit.findBySubjectUserIdOrderByOccurredAtAsc(user.getId())).extracting(AuditEvent::getAction)
                .contains(AuditAction.SIGN_IN);
    }

    @Test
    void usersChangeTheirPasswordWithTheSameRules() throws Exception {
        String email = registeredUser();
        mvc.perform(post("/account/password").with(user(email).roles("USER")).with(csrf())
                        .param("currentPassword", "wrong").param("password", "short").param("passwordConfirmation", "short"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("The current password is wrong.")))
                .andExpect(content().string(Matchers.containsString("The password must have at least 8 characters.")));
        mvc.perform(post("/account/password").with(user(email).roles("USER")).with(csrf())
                        .param("currentPassword", PASSWORD).param("password", "Winter-Night-7")
                        .param("passwordConfirmation", "Winter-Night-7"))
                .andExpect(redirectedUrl("/account"));
        mvc.perform(formLogin().user(email).password("Winter-Night-7")).andExpect(redirectedUrl("/"));
        mvc.perform(formLogin().user(email).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
    }

    @Test
    void wrongPasswordsAreAuditedAndThrottled_withoutRevealingWhichNamesExist() throws Exception {
        String email = registeredUser();
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin().user(email).password("guess-" + i)).andExpect(redirectedUrl("/login?error"));
        }
        // Even the right password is refused now, for a while.
        mvc.perform(formLogin().user(email).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
        clock.advance(Duration.ofMinutes(16));
        mvc.perform(formLogin().user(email).password(PASSWORD)).andExpect(redirectedUrl("/"));

        UserAccount user = users.findByEmailNormalized(email).orElseThrow();
        assertThat(audit.findBySubjectUserIdOrderByOccurredAtAsc(user.getId()))
                .filteredOn(e -> e.getAction() == AuditAction.SIGN_IN_FAILED).hasSize(6);

        String unknown = uniqueEmail();
        mvc.perform(formLogin().user(unknown).password("whatever")).andExpect(redirectedUrl("/login?error"));
        mvc.perform(get("/login").param("error", "")).andExpect(content().string(
                Matchers.containsString("Wrong email, user name or password.")));
    }

    @Test
    void deactivatedUsersCannotSignIn() throws Exception {
        String email = registeredUser();
        UserAccount user = users.findByEmailNormalized(email).orElseThrow();
        administration.deactivate(user.getId(), AdminScope.global("demo"));
        mvc.perform(formLogin().user(email).password(PASSWORD)).andExpect(redirectedUrl("/login?error"));
    }
}
