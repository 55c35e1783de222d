package com.onboarding.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.persistence.EntityManagerFactory;
import java.util.List;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * What the user list shows and finds: names sorted as shown, Cockpit's business key, one time zone; and what a page
 * costs the database.
 */
class UserListTest extends AdminTestSupport {

    @Autowired
    EntityManagerFactory entityManagerFactory;

    @Test
    void cockpitsBusinessKeyFindsTheUser_andTheRowNamesItsProcessInstance() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        long invitationId = invitationIdOf(userId);

        JsonNode page = json.readTree(asDemo(get("/api/users").param("q", "invitation-" + invitationId))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());

        assertThat(page.get("total").asInt()).isEqualTo(1);
        assertThat(page.get("users").get(0).get("email").asText()).isEqualTo(email);
        assertThat(page.get("users").get(0).get("processInstanceId").asText())
                .isEqualTo(invitation(invitationId).getProcessInstanceId());
        // A scoped admin of another client finds nobody by it.
        String other = scopedAdmin(List.of(globex()), List.of());
        api(other, PASSWORD, get("/api/users").param("q", "invitation-" + invitationId))
                .andExpect(jsonPath("$.total").value(0));
    }

    @Test
    void aRowsActionReturnsToTheSameFilteredList_andNowhereElse() throws Exception {
        String email = "o'brien+list@example.com";
        long userId = invite(email, acme());
        String page = mvc.perform(get("/users").param("q", email).param("sort", "email").param("dir", "desc")
                .with(user("demo").roles("ADMIN"))).andReturn().getResponse().getContentAsString();
        String back = "/users?q=o%27brien%2Blist%40example.com&sort=email&dir=desc";
        assertThat(page).as("the row's actions carry the list's view")
                .contains("value=\"" + back.replace("&", "&amp;") + "\"");
        assertThat(resendReturningTo(userId, back)).isEqualTo(back);
        assertThat(resendReturningTo(userId, "/clients/" + acme() + "?page=2")).isEqualTo("/clients/" + acme() + "?page=2");
        for (String elsewhere : List.of("https://evil.example/users", "//evil.example", "/users?q=x#top",
                "/users?q=a b", "/users/../admins", "/usersX")) {
            assertThat(resendReturningTo(userId, elsewhere)).as(elsewhere).isEqualTo("/users");
        }
    }

    private String resendReturningTo(long userId, String returnTo) throws Exception {
        return mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
                        .post("/users/" + userId + "/resend").param("returnTo", returnTo)
                        .with(user("demo").roles("ADMIN"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection()).andReturn().getResponse().getRedirectedUrl();
    }

    @Test
    void namesSortAsTheyAreShown_firstNameThenLastName() throws Exception {
        String tag = uniqueEmail().substring(5, 13);
        for (String[] name : List.of(new String[] {"Zoe", "Adams"}, new String[] {"Anna", "Zimmer"},
                new String[] {"Mia", "Berg"})) {
            asDemo(post("/api/invitations", java.util.Map.of("email", name[0].toLowerCase() + "-" + tag + "@example.com",
                    "firstName", name[0], "lastName", name[1], "language", "en", "role", "STANDARD",
                    "clients", List.of(acme())))).andExpect(status().isCreated());
        }
        JsonNode page = json.readTree(asDemo(get("/api/users").param("q", tag).param("sort", "name"))
                .andReturn().getResponse().getContentAsString());
        assertThat(page.get("users").findValuesAsText("firstName")).containsExactly("Anna", "Mia", "Zoe");
    }

    @Test
    void theListShowsTimesInTheConfiguredZone_namedOnce() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        String expires = invitation(invitationIdOf(userId)).getExpiresAt()
                .atZone(java.time.ZoneId.of("Europe/Berlin")).toLocalDateTime().toString().substring(0, 16)
                .replace('T', ' ');
        String html = mvc.perform(get("/users").param("q", email).with(user("demo").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains(">" + expires + "</time>").contains("Times in Europe/Berlin.")
                .contains(">1 user.<").contains("Cancel invitation").contains(">Resend<");
    }

    /** A page loads its users' clients and permissions in one query each, not one query per user. */
    @Test
    void aPageOfSixUsersTakesAsManyQueriesAsAPageOfOne() throws Exception {
        String tag = uniqueEmail().substring(5, 13);
        for (int i = 0; i < 6; i++) {
            asDemo(post("/api/invitations", invitation("u" + i + "-" + tag + "@example.com", "STANDARD",
                    List.of("VIEW_REPORTS"), List.of(acme(), globex())))).andExpect(status().isCreated());
        }
        // Signing in has costs of its own the first time; both measured pages come after it.
        asDemo(get("/api/users").param("q", tag)).andExpect(status().isOk());

        long pageOfOne = statementsFor(get("/api/users").param("q", "u0-" + tag), 1);
        long pageOfSix = statementsFor(get("/api/users").param("q", tag), 6);

        assertThat(pageOfSix).isEqualTo(pageOfOne);
    }

    private long statementsFor(MockHttpServletRequestBuilder request, int users) throws Exception {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();
        statistics.clear();
        statistics.setStatisticsEnabled(true);
        try {
            JsonNode page = json.readTree(asDemo(request).andExpect(status().isOk()).andReturn().getResponse()
                    .getContentAsString());
            assertThat(page.get("users")).hasSize(users);
            assertThat(page.get("users").get(0).get("clients")).hasSize(2);
            return statistics.getPrepareStatementCount();
        } finally {
            statistics.setStatisticsEnabled(false);
        }
    }

    /** A client without users: the empty state's "Invite user" opens the form with that client checked. */
    @Test
    void aClientsEmptyUserTab_invitesIntoThatClient() throws Exception {
        long id = clients.save(new com.onboarding.clients.Client("Empty " + uniqueEmail().substring(5, 13),
                java.time.Instant.now())).getId();
        String html = mvc.perform(get("/clients/" + id).with(user("demo").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(html).contains("No users yet.").doesNotContain("<table class=\"users")
                .contains("href=\"/users/invite?client=" + id + "\"");
        assertThat(html.split("href=\"/users/invite\\?client=" + id + "\"", -1)).as("title row and empty state")
                .hasSize(3);
    }

    /** On a German page the invite form proposes German for the invitee; on an English one, English. */
    @Test
    void theInviteFormProposesThePagesLanguage() throws Exception {
        String german = mvc.perform(get("/users/invite").cookie(new jakarta.servlet.http.Cookie("onboarding-language", "de"))
                        .with(user("demo").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(german).containsPattern("<option value=\"de\" selected=\"selected\">Deutsch</option>");
        String english = mvc.perform(get("/users/invite").cookie(new jakarta.servlet.http.Cookie("onboarding-language", "en"))
                        .with(user("demo").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).containsPattern("<option value=\"en\" selected=\"selected\">English</option>");
    }
}
