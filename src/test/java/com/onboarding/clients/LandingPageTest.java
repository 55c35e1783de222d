package com.onboarding.clients;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.onboarding.admin.AdminTestSupport;
import com.onboarding.support.Http;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A client's landing page (issue 23): only https (http to this machine), no user name in it; shown after registering
 * and in the confirmation mail of the client's users, and nowhere a link could send someone else.
 */
class LandingPageTest extends AdminTestSupport {

    @LocalServerPort
    int port;

    @Test
    void onlyHttpsAddressesWithoutUserNames_areAccepted_andARefusalChangesNothing() throws Exception {
        long client = createClient("https://app.example.com/start");
        for (String bad : List.of("http://app.example.com", "javascript:alert(1)", "https://bank.example@evil.example/",
                "//evil.example", "ftp://files.example.com", "https://", "https://app example.com")) {
            asDemo(put("/api/clients/" + client).content(json.writeValueAsString(
                    Map.of("name", "Landing " + client, "landingUrl", bad))))
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.problems[0].field").value("landingUrl"))
                    .andExpect(jsonPath("$.problems[0].message").value(Matchers.startsWith(
                            "Enter a full address starting with https://")));
        }
        assertThat(clients.findById(client).orElseThrow().getLandingUrl()).isEqualTo("https://app.example.com/start");

        asDemo(put("/api/clients/" + client).content(json.writeValueAsString(
                Map.of("name", "Landing " + client, "landingUrl", "http://localhost:8081/app"))))
                .andExpect(status().isOk()).andExpect(jsonPath("$.landingUrl").value("http://localhost:8081/app"));
        asDemo(put("/api/clients/" + client).content(json.writeValueAsString(Map.of("name", "Landing " + client))))
                .andExpect(status().isOk());
        assertThat(clients.findById(client).orElseThrow().getLandingUrl()).as("left out: removed").isNull();
    }

    @Test
    void onlyGlobalAdminsSetIt() throws Exception {
        long client = createClient(null);
        String scoped = scopedAdmin(List.of(client), List.of());
        api(scoped, PASSWORD, put("/api/clients/" + client).content(json.writeValueAsString(
                Map.of("name", "Taken over", "landingUrl", "https://evil.example"))))
                .andExpect(status().isForbidden());
        assertThat(clients.findById(client).orElseThrow().getLandingUrl()).isNull();
    }

    @Test
    void theEditScreenKeepsWhatWasEntered_andSaysWhatIsWrong() {
        long client = createClientQuietly();
        Http admin = Http.session(port, "demo", DEMO_PASSWORD);
        assertThat(admin.get("/clients/" + client + "/edit").body()).contains("name=\"landingUrl\"");
        var refused = admin.form("/clients/" + client, Map.of("name", "Landing " + client,
                "landingUrl", "http://app.example.com"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("value=\"http://app.example.com\"").contains("aria-invalid=\"true\"")
                .as("the refusal at its field").contains("<p class=\"error\">Enter a full address starting with https://");
        assertThat(admin.form("/clients/" + client, Map.of("name", "Landing " + client,
                "landingUrl", "https://portal.example.com")).status()).isEqualTo(302);
        assertThat(admin.get("/clients/" + client).body()).contains("href=\"https://portal.example.com\"");
    }

    @Test
    void afterRegistering_theUserContinuesToTheirClientsLandingPage_onThePageAndInTheMail() throws Exception {
        long client = createClient("https://portal.example.com/welcome?from=onboarding");
        String email = uniqueEmail();
        long userId = invite(email, client);
        mailInvitation(userId);
        String token = latestToken(email);

        mvc.perform(postRegistration(token, "Tulip-Field-7!"))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("landings", List.of(new Landing("Landing " + client,
                        "https://portal.example.com/welcome?from=onboarding"))));
        mvc.perform(get("/register/done").locale(Locale.GERMAN).flashAttr("landings",
                        List.of(new Landing("Landing " + client, "https://portal.example.com/welcome?from=onboarding"))))
                .andExpect(content().string(Matchers.containsString(
                        "href=\"https://portal.example.com/welcome?from=onboarding\"")))
                .andExpect(content().string(Matchers.containsString("Weiter zu Landing " + client)));

        executeJob(invitation(invitationIdOf(userId)).getProcessInstanceId(), "Activity_SendConfirmationMail");
        var confirmation = mailsTo(email).get(mailsTo(email).size() - 1);
        assertThat(textPart(confirmation)).contains("Landing " + client + ": https://portal.example.com/welcome?from=onboarding");
        assertThat(htmlPart(confirmation)).contains("href=\"https://portal.example.com/welcome?from=onboarding\"");
    }

    @Test
    void withoutALandingPage_theDonePageOffersSignInAsBefore() throws Exception {
        mvc.perform(get("/register/done").locale(Locale.ENGLISH))
                .andExpect(content().string(Matchers.containsString("href=\"/login\"")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("Continue to"))));
    }

    private long createClient(String landingUrl) throws Exception {
        Map<String, Object> body = new java.util.HashMap<>();
        body.put("name", "Landing " + UUID.randomUUID().toString().substring(0, 8));
        body.put("landingUrl", landingUrl);
        JsonNode created = json.readTree(asDemo(post("/api/clients", body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString());
        long id = created.get("id").asLong();
        // Names are unique; the tests name each client after its id from here on.
        asDemo(put("/api/clients/" + id).content(json.writeValueAsString(landingUrl == null
                ? Map.of("name", "Landing " + id) : Map.of("name", "Landing " + id, "landingUrl", landingUrl))))
                .andExpect(status().isOk());
        return id;
    }

    private long createClientQuietly() {
        try {
            return createClient(null);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
