package com.onboarding.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.onboarding.OnboardingProperties;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The audit screen, its CSV export and GET /api/audit: global admins only; filters by who, about whom, what and
 * which days; a deleted user's entries stay without their email; spreadsheet cells defused.
 */
class AuditScreenTest extends AdminTestSupport {

    @Autowired
    AuditLog audit;
    @Autowired
    OnboardingProperties properties;

    @Test
    void filtersByWhoAboutWhomWhatAndWhen() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        String scoped = scopedAdmin(List.of(acme()), List.of());
        long other = invite(uniqueEmail(), acme());
        api(scoped, PASSWORD, MockMvcRequestBuilders.post("/api/users/" + other + "/deactivate"))
                .andExpect(status().isOk());

        assertThat(entries("subject=" + email)).extracting(e -> e.get("action").asText() + " " + e.get("actor").asText()
                + " " + e.get("subjectUser").asText()).containsExactly("INVITATION_SENT demo " + email);
        assertThat(entries("subject=" + email.toUpperCase() + "&action=INVITATION_SENT")).hasSize(1);
        assertThat(entries("subject=" + email + "&action=USER_DEACTIVATED")).isEmpty();
        assertThat(entries("actor=" + scoped)).as("their sign-in, the deactivation and the cancellation it made")
                .extracting(e -> e.get("actor").asText() + " " + e.get("action").asText())
                .containsExactly(scoped + " USER_DEACTIVATED", scoped + " INVITATION_CANCELLED", scoped + " SIGN_IN");
        assertThat(entries("subject=" + scoped)).as("about the administrator: their scope was set")
                .extracting(e -> e.get("action").asText()).contains("ADMIN_SCOPE_CHANGED");

        LocalDate today = LocalDate.ofInstant(clock.instant(), properties.timeZone());
        assertThat(entries("subject=" + email + "&from=" + today + "&to=" + today)).hasSize(1);
        assertThat(entries("subject=" + email + "&from=" + today.plusDays(1))).isEmpty();
        assertThat(entries("subject=" + email + "&to=" + today.minusDays(1))).isEmpty();

        String screen = mvc.perform(get("/audit").param("subject", email).header("Accept-Language", "de")
                .with(user("demo").roles("ADMIN"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString();
        assertThat(screen).contains("Protokoll").contains("Einladung versendet")
                .contains("href=\"/users/" + userId + "\"");
    }

    @Test
    void aDeletedUsersEntriesStay_withoutTheirEmail() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        asDemo(MockMvcRequestBuilders.delete("/api/users/" + userId)).andExpect(status().isNoContent());

        List<JsonNode> entries = new ArrayList<>();
        asDemoJson("/api/audit?action=USER_DELETED").get("entries").forEach(entries::add);
        JsonNode deleted = entries.stream().filter(e -> e.get("subjectUserId").asLong() == userId).findFirst().orElseThrow();
        assertThat(deleted.get("subjectUser").isNull()).isTrue();
        assertThat(entries("subject=" + email)).as("the email no longer finds them").isEmpty();
        String screen = mvc.perform(get("/audit").param("action", "USER_DELETED").with(user("demo").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(screen).contains("user " + userId + " (deleted)").doesNotContain(email);
    }

    @Test
    void theExportIsASpreadsheetFileInTheReadersLanguage_withFormulasDefused() throws Exception {
        String formula = "=HYPERLINK(\"https://evil.example\")" + uniqueEmail();
        audit.record(formula, AuditAction.SIGN_IN_FAILED, null, "BadCredentialsException");

        byte[] file = mvc.perform(get("/audit/export.csv").param("actor", formula).header("Accept-Language", "de")
                .with(user("demo").roles("ADMIN"))).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsByteArray();
        String csv = new String(file, StandardCharsets.UTF_8);
        assertThat(csv).startsWith("\uFEFFWann,Wer,action,Was,Über wen,user id,Einzelheiten");
        assertThat(csv.lines().toList()).hasSize(2);
        assertThat(csv.lines().toList().get(1)).contains(",\"'=HYPERLINK(").contains("SIGN_IN_FAILED,Anmeldung fehlgeschlagen");
        asDemo(get("/api/audit/export.csv").param("actor", formula)).andExpect(status().isOk());
    }

    @Test
    void onlyGlobalAdminsReadIt_andBadFiltersAreRefused() throws Exception {
        String scoped = scopedAdmin(List.of(acme()), List.of());
        api(scoped, PASSWORD, get("/api/audit")).andExpect(status().isForbidden());
        api(scoped, PASSWORD, get("/api/audit/export.csv")).andExpect(status().isForbidden());
        mvc.perform(get("/audit").with(user(scoped).roles("ADMIN"))).andExpect(status().isForbidden());
        mvc.perform(get("/audit/export.csv").with(user(scoped).roles("ADMIN"))).andExpect(status().isForbidden());
        String page = mvc.perform(get("/users").with(user(scoped).roles("ADMIN"))).andReturn().getResponse()
                .getContentAsString();
        assertThat(page).as("no menu entry for them").doesNotContain("href=\"/audit\"");

        asDemo(get("/api/audit").param("action", "NO_SUCH_ACTION")).andExpect(status().isBadRequest());
        asDemo(get("/api/audit").param("from", "05.12.2026")).andExpect(status().isBadRequest());
    }

    private List<JsonNode> entries(String query) throws Exception {
        List<JsonNode> entries = new ArrayList<>();
        asDemoJson("/api/audit?" + query).get("entries").forEach(entries::add);
        return entries;
    }

    private JsonNode asDemoJson(String path) throws Exception {
        return json.readTree(asDemo(get(path)).andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
    }
}
