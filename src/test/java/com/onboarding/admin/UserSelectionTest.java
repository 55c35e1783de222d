package com.onboarding.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.onboarding.admin.selection.process.UserSelectionProcess;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditEvent;
import com.onboarding.audit.AuditEventRepository;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Actions on selected users: each user is acted on in the background as by their row's single action (same rules,
 * scope and audit), with a result per user; a confirmation first on the screen; "every user matching the filters";
 * only within the admin's scope; only the confirming admin sees the results.
 */
class UserSelectionTest extends AdminTestSupport {

    @Autowired
    AuditEventRepository auditEvents;

    @Test
    void eachUserIsActedOnByTheSingleActionsRules_withAResultPerUser() throws Exception {
        long first = invite(uniqueEmail(), acme());
        long second = invite(uniqueEmail(), acme());
        String thirdEmail = uniqueEmail();
        long third = invite(thirdEmail, acme());
        asDemo(MockMvcRequestBuilders.post("/api/users/" + third + "/deactivate")).andExpect(status().isOk());

        MockHttpServletResponse accepted = asDemo(post("/api/users/selection",
                Map.of("action", "DEACTIVATE", "userIds", List.of(first, second, third, first))))
                .andExpect(status().isAccepted()).andReturn().getResponse();
        JsonNode selection = json.readTree(accepted.getContentAsString());
        assertThat(selection.get("total").asInt()).as("each user once").isEqualTo(3);
        assertThat(selection.get("waiting").asInt()).as("in the background").isEqualTo(3);
        assertThat(accepted.getHeader("Location")).isEqualTo("/api/users/selection/" + selection.get("id").asLong());

        runDueJobs(UserSelectionProcess.KEY);

        JsonNode done = json.readTree(asDemo(get(accepted.getHeader("Location"))).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(done.get("finishedAt").isNull()).isFalse();
        assertThat(done.get("done").asInt()).isEqualTo(2);
        assertThat(done.get("refused").asInt()).isEqualTo(1);
        JsonNode refusal = done.get("results").get(0);
        assertThat(refusal.get("userId").asLong()).as("refusals first").isEqualTo(third);
        assertThat(refusal.get("outcome").asText()).isEqualTo("REFUSED");
        assertThat(refusal.get("reason").asText()).isEqualTo(thirdEmail + " is already deactivated.");
        for (long userId : List.of(first, second)) {
            assertThat(statusOf(userId)).isEqualTo("DEACTIVATED");
            assertThat(auditEvents.findBySubjectUserIdOrderByOccurredAtAsc(userId))
                    .as("audited as the single action: by the confirming admin")
                    .anySatisfy(event -> assertThat(event.getAction() + " " + event.getActor())
                            .isEqualTo(AuditAction.USER_DEACTIVATED + " demo"));
        }
    }

    @Test
    void everyUserMatchingTheFilters_andTheScreensConfirmationNamesTheCount() throws Exception {
        String marker = "sel" + uniqueEmail().substring(5, 11);
        for (int i = 0; i < 3; i++) {
            invite(marker + i + "@example.com", acme());
        }
        long other = invite(uniqueEmail(), acme());

        String page = mvc.perform(screen("/users/selection/confirm").param("action", "CANCEL").param("all", "true")
                .param("q", marker).param("status", "INVITED").param("returnTo", "/users?q=" + marker))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("Cancel the invitation of 3 users?").contains(marker + "0@example.com")
                .contains("name=\"all\" value=\"true\"");

        MockHttpServletResponse confirmed = mvc.perform(screen("/users/selection").param("action", "CANCEL")
                .param("all", "true").param("q", marker).param("status", "INVITED")).andReturn().getResponse();
        assertThat(confirmed.getRedirectedUrl()).matches("/users/selection/\\d+");
        String running = mvc.perform(get(confirmed.getRedirectedUrl()).with(user("demo").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(running).contains("http-equiv=\"refresh\"").contains("0 of 3 done");

        runDueJobs(UserSelectionProcess.KEY);
        String finished = mvc.perform(get(confirmed.getRedirectedUrl()).with(user("demo").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(finished).doesNotContain("http-equiv=\"refresh\"").contains("3 done, 0 refused");
        JsonNode cancelled = json.readTree(asDemo(get("/api/users").param("q", marker)).andReturn().getResponse()
                .getContentAsString()).get("users");
        assertThat(cancelled).extracting(row -> row.get("status").asText()).containsOnly("INVITATION_CANCELLED");
        assertThat(statusOf(other)).as("not matching: untouched").isEqualTo("INVITED");
    }

    @Test
    void onlyWithinTheScope_andOnlyForTheConfirmingAdmin_andBadChoicesChangeNothing() throws Exception {
        long acmeUser = invite(uniqueEmail(), acme());
        long globexUser = invite(uniqueEmail(), globex());
        String acmeAdmin = scopedAdmin(List.of(acme()), List.of());
        long selections = count();

        api(acmeAdmin, PASSWORD, post("/api/users/selection",
                Map.of("action", "DELETE", "userIds", List.of(acmeUser, globexUser)))).andExpect(status().isNotFound());
        asDemo(post("/api/users/selection", Map.of("userIds", List.of(acmeUser)))).andExpect(status().isBadRequest());
        asDemo(post("/api/users/selection", Map.of("action", "DELETE", "userIds", List.of())))
                .andExpect(status().isBadRequest());
        Map<String, Object> nobody = new HashMap<>(Map.of("action", "RESEND"));
        nobody.put("filter", Map.of("q", "nobody-matches-" + uniqueEmail()));
        asDemo(post("/api/users/selection", nobody)).andExpect(status().isBadRequest());
        assertThat(count()).as("nothing kept").isEqualTo(selections);
        assertThat(statusOf(acmeUser)).isEqualTo("INVITED");
        assertThat(statusOf(globexUser)).isEqualTo("INVITED");

        // Every user matching, for a scoped admin, is every user of their clients only.
        Map<String, Object> all = new HashMap<>(Map.of("action", "RESEND"));
        all.put("filter", Map.of("status", "INVITED"));
        JsonNode selection = json.readTree(api(acmeAdmin, PASSWORD, post("/api/users/selection", all))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString());
        runDueJobs(UserSelectionProcess.KEY);
        JsonNode result = json.readTree(api(acmeAdmin, PASSWORD, get("/api/users/selection/" + selection.get("id")))
                .andReturn().getResponse().getContentAsString());
        assertThat(result.get("results")).extracting(r -> r.get("userId").asLong()).contains(acmeUser)
                .doesNotContain(globexUser);
        asDemo(get("/api/users/selection/" + selection.get("id"))).andExpect(status().isNotFound());
    }

    @Test
    void deletingASelection_deletesEachUserAsTheSingleDeleteDoes() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        JsonNode selection = json.readTree(asDemo(post("/api/users/selection",
                Map.of("action", "DELETE", "userIds", List.of(userId)))).andReturn().getResponse().getContentAsString());
        runDueJobs(UserSelectionProcess.KEY);

        assertThat(users.findById(userId)).isEmpty();
        JsonNode result = json.readTree(asDemo(get("/api/users/selection/" + selection.get("id"))).andReturn()
                .getResponse().getContentAsString()).get("results").get(0);
        assertThat(result.get("outcome").asText()).isEqualTo("DONE");
        assertThat(result.get("email").isNull()).as("the deleted user's address is not kept").isTrue();
        assertThat(auditEvents.findBySubjectUserIdOrderByOccurredAtAsc(userId)).extracting(AuditEvent::getActor)
                .doesNotContain(email);
    }

    private String statusOf(long userId) throws Exception {
        return json.readTree(asDemo(get("/api/users/" + userId)).andReturn().getResponse().getContentAsString())
                .get("status").asText();
    }

    private long count() {
        return managementService.createJobQuery().processDefinitionKey(UserSelectionProcess.KEY).count()
                + processEngine.getHistoryService().createHistoricProcessInstanceQuery()
                .processDefinitionKey(UserSelectionProcess.KEY).count();
    }

    /** A form sent from the screens as demo. */
    private static MockHttpServletRequestBuilder screen(String path) {
        return MockMvcRequestBuilders.post(path).with(user("demo").roles("ADMIN")).with(csrf());
    }
}
