package com.onboarding.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.onboarding.users.UserStatus;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Tenant boundaries on the server: a scoped admin cannot see, invite into, edit or act on users of other
 * clients, and cannot grant beyond their own scope — through the API and through the screens.
 */
class AdminScopeApiTest extends AdminTestSupport {

    String scoped;
    long acmeUser;
    long globexUser;
    String globexEmail;

    @BeforeEach
    void twoClientsTwoUsers() throws Exception {
        scoped = scopedAdmin(List.of(acme()), List.of("VIEW_REPORTS"));
        acmeUser = invite(uniqueEmail(), acme());
        globexEmail = uniqueEmail();
        globexUser = invite(globexEmail, globex());
    }

    @Test
    void scopedAdminSeesOnlyUsersOfTheirClients() throws Exception {
        String body = api(scoped, PASSWORD, get("/api/users").param("q", "@example.com").param("sort", "createdAt").param("dir", "desc"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        List<Long> ids = json.readTree(body).get("users").findValues("id").stream().map(n -> n.asLong()).toList();
        assertThat(ids).contains(acmeUser).doesNotContain(globexUser);

        api(scoped, PASSWORD, get("/api/users").param("client", String.valueOf(globex())))
                .andExpect(jsonPath("$.total").value(0));
        api(scoped, PASSWORD, get("/api/users/" + acmeUser)).andExpect(status().isOk());
        api(scoped, PASSWORD, get("/api/users/" + globexUser)).andExpect(status().isNotFound());
    }

    @Test
    void scopedAdminCannotActOnOtherClientsUsers_andNothingChanges() throws Exception {
        for (String action : List.of("resend-invitation", "cancel-invitation", "deactivate", "password-reset",
                "security-report")) {
            api(scoped, PASSWORD, MockMvcRequestBuilders.post("/api/users/" + globexUser + "/" + action))
                    .andExpect(status().isNotFound());
        }
        api(scoped, PASSWORD, put("/api/users/" + globexUser).content(json.writeValueAsString(Map.of(
                "firstName", "X", "lastName", "Y", "language", "en", "roleCode", "STANDARD",
                "clientIds", List.of(acme()))))).andExpect(status().isNotFound());
        api(scoped, PASSWORD, delete("/api/users/" + globexUser)).andExpect(status().isNotFound());

        var user = users.findById(globexUser).orElseThrow();
        assertThat(user.getStatus()).isEqualTo(UserStatus.INVITED);
        assertThat(user.getFirstName()).isEqualTo("Ina");
        assertThat(invitation(invitationIdOf(globexUser)).getResendCount()).isZero();
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void scopedAdminCannotInviteIntoOtherClientsNorGrantBeyondTheirScope() throws Exception {
        long before = users.count();
        api(scoped, PASSWORD, post("/api/invitations", invitation(uniqueEmail(), "STANDARD", List.of(), List.of(globex()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value("Client " + globex() + " does not exist."));
        api(scoped, PASSWORD, post("/api/invitations", invitation(uniqueEmail(), "ADMINISTRATOR", List.of(), List.of(acme()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value("Only global administrators can grant the role 'Administrator'."));
        api(scoped, PASSWORD, post("/api/invitations", invitation(uniqueEmail(), "STANDARD", List.of("APPROVE_PAYMENTS"), List.of(acme()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value("You may not grant the permission 'Approve payments'."));
        assertThat(users.count()).isEqualTo(before);

        api(scoped, PASSWORD, post("/api/invitations", invitation(uniqueEmail(), "STANDARD", List.of("VIEW_REPORTS"), List.of(acme()))))
                .andExpect(status().isCreated());
    }

    @Test
    void invitingAnAddressOfAnotherClientRevealsNothing() throws Exception {
        api(scoped, PASSWORD, post("/api/invitations", invitation(globexEmail, "STANDARD", List.of(), List.of(acme()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value(globexEmail + " cannot be invited. Ask a global administrator."));
    }

    @Test
    void scopedAdminCannotMoveTheirUserIntoAnotherClient() throws Exception {
        api(scoped, PASSWORD, put("/api/users/" + acmeUser).content(json.writeValueAsString(Map.of(
                "firstName", "Ina", "lastName", "Vogel", "language", "en", "roleCode", "STANDARD",
                "clientIds", List.of(acme(), globex()))))).andExpect(status().isBadRequest());
        assertThat(users.findById(acmeUser).orElseThrow().getClients()).extracting("name").containsExactly("Acme Corporation");
    }

    @Test
    void onlyGlobalAdminsCreateClients() throws Exception {
        api(scoped, PASSWORD, post("/api/clients", Map.of("name", "Umbrella"))).andExpect(status().isForbidden());
        assertThat(clients.findByNameIgnoreCase("Umbrella")).isEmpty();
        String name = "Client " + uniqueEmail().substring(5, 13);
        asDemo(post("/api/clients", Map.of("name", name))).andExpect(status().isCreated());
        asDemo(post("/api/clients", Map.of("name", name.toUpperCase()))).andExpect(status().isBadRequest());
    }

    @Test
    void theApiNeedsAnAdminAccount() throws Exception {
        mvc.perform(get("/api/users")).andExpect(status().isUnauthorized());
        // A wrong password for a real admin (not demo: Camunda delays the next attempts of an account after a failure).
        api(scoped, "wrong", get("/api/users")).andExpect(status().isUnauthorized());
        mvc.perform(get("/api/users").with(user("anna@example.com").roles("USER"))).andExpect(status().isForbidden());
    }

    @Test
    void theApiIsDescribedWithOpenApi() throws Exception {
        String spec = asDemo(get("/v3/api-docs")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(spec).contains("\"/api/users\"").contains("\"/api/invitations\"")
                .contains("\"/api/users/{id}/resend-invitation\"").contains("\"/api/clients\"")
                .contains("\"/api/users/{id}/timeline\"").contains("\"/api/users/selection\"")
                .contains("\"/api/users/selection/{id}\"").contains("\"/api/audit\"")
                .contains("\"/api/audit/export.csv\"").contains("\"/api/admins\"")
                .contains("\"/api/admins/{adminId}/setup-link\"");
        mvc.perform(get("/v3/api-docs")).andExpect(status().isUnauthorized());
    }

    @Test
    void theScreensEnforceTheSameBoundaries() throws Exception {
        var asScoped = user(scoped).roles("ADMIN");
        mvc.perform(get("/users/" + globexUser + "/edit").with(asScoped)).andExpect(status().isNotFound());
        mvc.perform(get("/clients/" + globex()).with(asScoped)).andExpect(status().isNotFound());
        mvc.perform(MockMvcRequestBuilders.post("/users/" + globexUser + "/deactivate").with(asScoped).with(csrf()))
                .andExpect(status().isNotFound());
        mvc.perform(get("/admins").with(asScoped)).andExpect(status().isForbidden());
        assertThat(users.findById(globexUser).orElseThrow().getStatus()).isEqualTo(UserStatus.INVITED);

        String page = mvc.perform(get("/users").param("q", "@example.com").with(asScoped)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString();
        assertThat(page).contains(users.findById(acmeUser).orElseThrow().getEmail()).doesNotContain(globexEmail);
    }
}
