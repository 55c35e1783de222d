package com.onboarding.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Each client's number of users on the Clients screen and in /api/clients: what its Users tab shows that admin. */
class ClientMemberCountsTest extends AdminTestSupport {

    @Test
    void aNewUserCountsForEachOfTheirClients_asTheAdminSeesThem() throws Exception {
        long acmeBefore = users(asDemoList(), acme());
        long globexBefore = users(asDemoList(), globex());
        String acmeAdmin = scopedAdmin(List.of(acme()), List.of());
        long acmeScopedBefore = users(list(acmeAdmin), acme());

        invite(uniqueEmail(), acme());
        inviteToBoth(uniqueEmail());

        assertThat(users(asDemoList(), acme())).isEqualTo(acmeBefore + 2);
        assertThat(users(asDemoList(), globex())).isEqualTo(globexBefore + 1);
        assertThat(users(list(acmeAdmin), acme())).as("a user shared with Globex is not on Acme's tab for Acme's admin")
                .isEqualTo(acmeScopedBefore + 1);
        assertThat(list(acmeAdmin).findValuesAsText("name")).containsExactly("Acme Corporation");
    }

    @Test
    void theScreenShowsTheCountBesideTheName() throws Exception {
        long count = users(asDemoList(), acme());
        String html = mvc.perform(get("/clients").with(user("demo").roles("ADMIN"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(html).contains("aria-label=\"" + count + " users of Acme Corporation\"");
    }

    private void inviteToBoth(String email) throws Exception {
        asDemo(post("/api/invitations", invitation(email, "STANDARD", List.of(), List.of(acme(), globex()))))
                .andReturn();
    }

    private JsonNode asDemoList() throws Exception {
        return json.readTree(asDemo(get("/api/clients")).andReturn().getResponse().getContentAsString());
    }

    private JsonNode list(String admin) throws Exception {
        return json.readTree(api(admin, PASSWORD, get("/api/clients")).andReturn().getResponse().getContentAsString());
    }

    private static long users(JsonNode clients, long clientId) {
        for (JsonNode client : clients) {
            if (client.get("id").asLong() == clientId) {
                return client.get("users").asLong();
            }
        }
        throw new AssertionError("client " + clientId + " not listed");
    }
}
