package com.onboarding.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * A user's page and GET /api/users/{id}/timeline: the invitation's story newest first, each mail with where it is
 * (queued, retrying with its next attempt, sent, failed), in the admin's language; the last sign-in on the page and
 * in the list; nothing of users outside the admin's scope.
 */
class UserTimelineTest extends AdminTestSupport {

    @Autowired
    AuditLog audit;

    @Test
    void theTimelineFollowsEachMailThroughItsStates_newestFirst() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        assertThat(events(userId)).containsExactly("MAIL SendInvitationMail QUEUED", "AUDIT INVITATION_SENT demo");

        greenMail.stop();
        try {
            assertThatThrownBy(() -> mailInvitation(userId)).isNotNull();
        } finally {
            greenMail.start();
        }
        JsonNode retrying = timeline(userId).get(0);
        assertThat(retrying.get("mailState").asText()).isEqualTo("RETRYING");
        assertThat(retrying.get("nextAttempt").isNull()).as("the next attempt is named").isFalse();

        mailInvitation(userId);
        assertThat(events(userId)).containsExactly("MAIL SendInvitationMail SENT", "AUDIT INVITATION_SENT demo");

        asDemo(MockMvcRequestBuilders.post("/api/users/" + userId + "/resend-invitation")).andExpect(status().isOk());
        String instance = invitation(invitationIdOf(userId)).getProcessInstanceId();
        managementService.setJobRetries(job(instance, "Activity_SendInvitationMail").getId(), 0);
        assertThat(events(userId)).containsExactly("MAIL SendInvitationMail FAILED", "AUDIT INVITATION_RESENT demo",
                "MAIL SendInvitationMail SENT", "AUDIT INVITATION_SENT demo");
    }

    @Test
    void thePageSaysItInTheAdminsLanguage_withTheLastSignIn_alsoInTheList() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        mailInvitation(userId);
        audit.record(email, AuditAction.SIGN_IN, userId, null);

        String german = mvc.perform(get("/users/" + userId).header("Accept-Language", "de")
                        .with(user("demo").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(german).contains(email).contains("Verlauf").contains("Einladung versendet")
                .contains("Einladungs-E-Mail").contains("an den Mailserver übergeben").contains("Angemeldet")
                .contains("Letzte Anmeldung").doesNotContain("nie</span>");
        String english = mvc.perform(get("/users/" + userId).with(user("demo").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(english).contains("Invitation mail").contains("handed to the mail server").contains("by demo");

        JsonNode row = json.readTree(asDemo(get("/api/users/" + userId)).andReturn().getResponse().getContentAsString());
        assertThat(row.get("lastSignIn").isNull()).isFalse();
        String list = mvc.perform(get("/users").param("q", email).with(user("demo").roles("ADMIN")))
                .andReturn().getResponse().getContentAsString();
        assertThat(list).contains("href=\"/users/" + userId + "\"").contains("Last sign-in");
    }

    @Test
    void aUserOutsideTheAdminsScope_hasNoPage() throws Exception {
        long globexUser = invite(uniqueEmail(), globex());
        String acmeAdmin = scopedAdmin(List.of(acme()), List.of());
        api(acmeAdmin, PASSWORD, get("/api/users/" + globexUser + "/timeline")).andExpect(status().isNotFound());
        mvc.perform(get("/users/" + globexUser).with(user(acmeAdmin).roles("ADMIN"))).andExpect(status().isNotFound());

        long acmeUser = invite(uniqueEmail(), acme());
        api(acmeAdmin, PASSWORD, get("/api/users/" + acmeUser + "/timeline")).andExpect(status().isOk());
        asDemo(MockMvcRequestBuilders.delete("/api/users/" + acmeUser)).andExpect(status().isNoContent());
        asDemo(get("/api/users/" + acmeUser + "/timeline")).andExpect(status().isNotFound());
    }

    private JsonNode timeline(long userId) throws Exception {
        return json.readTree(asDemo(get("/api/users/" + userId + "/timeline")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString()).get("timeline");
    }

    /** Each entry as "MAIL step state" or "AUDIT action actor". */
    private List<String> events(long userId) throws Exception {
        List<String> events = new ArrayList<>();
        for (JsonNode entry : timeline(userId)) {
            events.add(entry.get("source").asText() + " " + entry.get("event").asText() + " "
                    + (entry.get("source").asText().equals("MAIL") ? entry.get("mailState").asText()
                    : entry.get("actor").asText()));
        }
        return events;
    }
}
