package com.onboarding.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditEvent;
import com.onboarding.audit.AuditEventRepository;
import com.onboarding.scopes.AdminScope;
import com.onboarding.support.Http;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Administrators added from the product: the account exists at once without a usable password, a single-use link
 * lets them set theirs (Camunda's rules apply), a newer link kills the older; bad input and scoped admins change
 * nothing.
 */
class AdminAccountsTest extends AdminTestSupport {

    static final Pattern SETUP_TOKEN = Pattern.compile("/admin-setup\\?token=([A-Za-z0-9_-]{43})");
    static final String NEW_PASSWORD = "Harbour-Light-42!";

    @Autowired
    AuditEventRepository auditEvents;
    @LocalServerPort
    int port;

    @Test
    void aScopedAdministratorIsAdded_andSetsTheirOwnPasswordThroughTheLink() throws Exception {
        String id = "new" + uniqueEmail().substring(5, 13);
        String email = id + "@example.com";
        MockHttpServletResponse added = mvc.perform(screen("/admins/new").param("id", id).param("firstName", "Nora")
                .param("lastName", "Neu").param("email", email).param("global", "false")
                .param("clientIds", String.valueOf(acme())).param("permissionCodes", "VIEW_REPORTS"))
                .andReturn().getResponse();
        assertThat(added.getRedirectedUrl()).isEqualTo("/admins");

        AdminScope scope = adminScopes.of(id);
        assertThat(scope.global()).isFalse();
        assertThat(scope.clientIds()).containsExactly(acme());
        assertThat(scope.permissionCodes()).containsExactly("VIEW_REPORTS");
        assertThat(identity.checkPassword(id, NEW_PASSWORD)).as("no usable password yet").isFalse();

        String token = setupToken(email);
        String page = mvc.perform(get("/admin-setup").param("token", token)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(id);
        MockHttpServletResponse set = mvc.perform(MockMvcRequestBuilders.post("/admin-setup").with(csrf())
                .param("token", token).param("password", NEW_PASSWORD).param("passwordConfirmation", NEW_PASSWORD))
                .andReturn().getResponse();
        assertThat(set.getRedirectedUrl()).isEqualTo("/login?passwordReset");
        assertThat(identity.checkPassword(id, NEW_PASSWORD)).isTrue();
        mvc.perform(get("/admin-setup").param("token", token)).andExpect(status().isNotFound());

        List<AuditEvent> trail = auditEvents.findBySubjectAdminIdOrderByOccurredAtAsc(id);
        assertThat(trail).extracting(e -> e.getAction() + " " + e.getActor())
                .contains(AuditAction.ADMIN_CREATED + " demo", AuditAction.ADMIN_SCOPE_CHANGED + " demo",
                        AuditAction.ADMIN_PASSWORD_CHANGED + " " + id);
        // They sign in and see their client's users only.
        api(id, NEW_PASSWORD, get("/api/users")).andExpect(status().isOk());
    }

    @Test
    void aGlobalAdministratorThroughTheApi_andANewLinkKillsTheOlder() throws Exception {
        String id = "glob" + uniqueEmail().substring(5, 13);
        String email = id + "@example.com";
        asDemo(post("/api/admins", Map.of("id", id, "firstName", "Gil", "lastName", "Global", "email", email,
                "global", true))).andExpect(status().isCreated());
        assertThat(adminScopes.of(id).global()).isTrue();
        String first = setupToken(email);

        asDemo(MockMvcRequestBuilders.post("/api/admins/" + id + "/setup-link")).andExpect(status().isAccepted());
        String second = setupToken(email);
        assertThat(second).isNotEqualTo(first);
        mvc.perform(get("/admin-setup").param("token", first)).andExpect(status().isNotFound());
        mvc.perform(get("/admin-setup").param("token", second)).andExpect(status().isOk());

        // Camunda's rule: not the name. Refused at the field; the link still works.
        MockHttpServletResponse refused = mvc.perform(MockMvcRequestBuilders.post("/admin-setup").with(csrf())
                .param("token", second).param("password", "Gil-Global-Admin-7!")
                .param("passwordConfirmation", "Gil-Global-Admin-7!")).andReturn().getResponse();
        assertThat(refused.getStatus()).isEqualTo(400);
        assertThat(refused.getContentAsString()).contains("must not contain your user id or your name");
        assertThat(identity.checkPassword(id, "Gil-Global-Admin-7!")).isFalse();
        mvc.perform(get("/admin-setup").param("token", second)).andExpect(status().isOk());
    }

    @Test
    void aSetupFormWhoseSessionWasLost_comesBackAndSaysSo() throws Exception {
        String id = "late" + uniqueEmail().substring(5, 13);
        asDemo(post("/api/admins", Map.of("id", id, "firstName", "Lea", "lastName", "Late", "email",
                id + "@example.com", "global", true))).andExpect(status().isCreated());
        String token = setupToken(id + "@example.com");
        Http.Response response = Http.anonymous(port).formWithToken("/admin-setup", Map.of("token", token,
                "password", NEW_PASSWORD, "passwordConfirmation", NEW_PASSWORD), "stale-token");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("Your session had expired").contains(id).doesNotContain(NEW_PASSWORD);
        assertThat(identity.checkPassword(id, NEW_PASSWORD)).isFalse();
    }

    @Test
    void badInputAndScopedAdmins_changeNothing() throws Exception {
        long admins = identity.createUserQuery().count();
        MockHttpServletResponse taken = mvc.perform(screen("/admins/new").param("id", "demo").param("firstName", "X")
                .param("lastName", "Y").param("email", "x@example.com").param("global", "true")).andReturn().getResponse();
        assertThat(taken.getStatus()).isEqualTo(400);
        assertThat(taken.getContentAsString()).contains("An account demo exists already");

        Map<String, Object> unknownClient = new HashMap<>(Map.of("id", "ghost" + uniqueEmail().substring(5, 11),
                "firstName", "G", "lastName", "H", "email", "ghost@example.com", "global", false));
        unknownClient.put("clientIds", List.of(987654L));
        asDemo(post("/api/admins", unknownClient)).andExpect(status().isBadRequest());
        Map<String, Object> noScope = new HashMap<>(unknownClient);
        noScope.put("clientIds", List.of());
        asDemo(post("/api/admins", noScope)).andExpect(status().isBadRequest());
        Map<String, Object> badEmail = new HashMap<>(Map.of("id", "bad" + uniqueEmail().substring(5, 11),
                "firstName", "B", "lastName", "E", "email", "not-an-address", "global", true));
        asDemo(post("/api/admins", badEmail)).andExpect(status().isBadRequest());

        String scoped = scopedAdmin(List.of(acme()), List.of());
        api(scoped, PASSWORD, post("/api/admins", Map.of("id", "sneaky" + uniqueEmail().substring(5, 11),
                "firstName", "S", "lastName", "N", "email", "s@example.com", "global", true)))
                .andExpect(status().isForbidden());
        mvc.perform(get("/admins/new").with(user(scoped).roles("ADMIN"))).andExpect(status().isForbidden());
        api(scoped, PASSWORD, MockMvcRequestBuilders.post("/api/admins/demo/setup-link"))
                .andExpect(status().isForbidden());
        assertThat(identity.createUserQuery().count()).as("the scoped admin only").isEqualTo(admins + 1);
    }

    private String setupToken(String email) {
        var mails = mailsTo(email);
        assertThat(mails).isNotEmpty();
        Matcher link = SETUP_TOKEN.matcher(textPart(mails.get(mails.size() - 1)));
        assertThat(link.find()).isTrue();
        return link.group(1);
    }

    /** A form sent from the screens as demo. */
    private static MockHttpServletRequestBuilder screen(String path) {
        return MockMvcRequestBuilders.post(path).with(user("demo").roles("ADMIN")).with(csrf());
    }
}
