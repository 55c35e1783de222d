package com.onboarding.terms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onboarding.admin.AdminTestSupport;
import com.onboarding.support.Http;
import com.onboarding.users.UserStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A client's terms (issue 23): a global admin publishes versions in English and German; registration needs the
 * current version accepted; the acceptance is recorded with version and time, shown on the account page and in the
 * audit trail behind the security report; a new version is asked for at the next sign-in.
 */
class TermsTest extends AdminTestSupport {

    private static final String USER_PASSWORD = "Tulip-Field-7!";

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    long client;
    String clientName;

    @BeforeEach
    void aClientWithTerms() throws Exception {
        clientName = "Terms " + UUID.randomUUID().toString().substring(0, 8);
        client = json.readTree(asDemo(post("/api/clients", Map.of("name", clientName))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asLong();
        publish("Be nice.\nKeep secrets secret.", "Seien Sie nett.\nBehalten Sie Geheimnisse für sich.");
    }

    @Test
    void registrationNeedsTheCurrentVersionAccepted_inTheReadersLanguage_andRecordsIt() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, client);
        mailInvitation(userId);
        String token = latestToken(email);
        long v1 = currentId();

        mvc.perform(get("/register").param("token", token).locale(Locale.GERMAN))
                .andExpect(content().string(Matchers.containsString("Seien Sie nett.")))
                .andExpect(content().string(Matchers.containsString(
                        "Ich akzeptiere die Bedingungen von " + clientName + " (Version 1).")));

        mvc.perform(postRegistration(token, USER_PASSWORD)).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString(
                        "Accept the terms of " + clientName + " (version 1) to go on.")));
        assertThat(users.findById(userId).orElseThrow().getStatus()).isEqualTo(UserStatus.INVITED);

        // A new version published while the invitee reads: the ticked one is no longer current.
        publish("Be nicer.", "Seien Sie netter.");
        long v2 = currentId();
        mvc.perform(postRegistration(token, USER_PASSWORD).param("acceptedTerms", String.valueOf(v1))).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("(version 2) to go on.")))
                .andExpect(content().string(Matchers.containsString("Be nicer.")));

        mvc.perform(postRegistration(token, USER_PASSWORD).param("acceptedTerms", String.valueOf(v2))).andExpect(status().is3xxRedirection());
        assertThat(users.findById(userId).orElseThrow().getStatus()).isEqualTo(UserStatus.ACTIVE);
        assertThat(jdbc.queryForObject("select count(*) from terms_acceptance where user_id = ? and terms_id = ?",
                Long.class, userId, v2)).isEqualTo(1);
        assertThat(jdbc.queryForObject("select details from audit_event where subject_user_id = ? and action = ?",
                String.class, userId, "TERMS_ACCEPTED")).isEqualTo("terms of " + clientName + ", version 2");

        Http user = Http.session(port, email, USER_PASSWORD);
        assertThat(user.get("/account").body()).contains("Terms accepted").contains(clientName + ", version 2, on ");
    }

    @Test
    void aNewVersion_isAskedForAtTheNextSignIn_andTheAccountWaitsUntilItIsAccepted() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, client);
        mailInvitation(userId);
        mvc.perform(postRegistration(latestToken(email), USER_PASSWORD).param("acceptedTerms", String.valueOf(currentId())))
                .andExpect(status().is3xxRedirection());
        publish("Version two.", "Version zwei.");

        Http user = Http.session(port, email, USER_PASSWORD);
        Http.Response account = user.get("/account");
        assertThat(account.status()).isEqualTo(302);
        assertThat(account.header("Location")).endsWith("/account/terms");
        assertThat(user.get("/account/terms").body()).contains("Version two.")
                .contains("I accept the terms of " + clientName + " (version 2).");

        Http.Response refused = user.form("/account/terms", Map.of());
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Accept the terms of " + clientName + " (version 2) to go on.");
        assertThat(user.get("/account").status()).isEqualTo(302);

        assertThat(user.form("/account/terms", Map.of("acceptedTerms", String.valueOf(currentId()))).status())
                .isEqualTo(302);
        Http.Response page = user.get("/account");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains(clientName + ", version 2, on ").contains(clientName + ", version 1, on ");
    }

    @Test
    void onlyGlobalAdminsPublish_textsAreRequiredInBothLanguages_andScopedAdminsReadTheirClientsOnly()
            throws Exception {
        asDemo(post("/api/clients/" + client + "/terms", Map.of("textEn", "Only English.", "textDe", " ")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("textDe"))
                .andExpect(jsonPath("$.problems[0].message").value("The text is required."));
        String scoped = scopedAdmin(List.of(client), List.of());
        api(scoped, PASSWORD, post("/api/clients/" + client + "/terms", Map.of("textEn", "Mine.", "textDe", "Meins.")))
                .andExpect(status().isForbidden());
        api(scoped, PASSWORD, get("/api/clients/" + client + "/terms")).andExpect(status().isOk())
                .andExpect(jsonPath("$[0].version").value(1)).andExpect(jsonPath("$.length()").value(1));
        api(scoped, PASSWORD, get("/api/clients/" + globex() + "/terms")).andExpect(status().isNotFound());

        Http admin = Http.session(port, "demo", DEMO_PASSWORD);
        assertThat(admin.get("/clients/" + client + "/terms").body()).contains("Current version 1")
                .contains("Keep secrets secret.").contains("Publish new version");
        var refused = admin.form("/clients/" + client + "/terms", Map.of("textEn", "", "textDe", "x"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).as("the refusal at its field").contains("<p class=\"error\">The text is required.");
        assertThat(admin.form("/clients/" + client + "/terms", Map.of("textEn", "Three.", "textDe", "Drei."))
                .status()).isEqualTo(302);
        assertThat(Http.session(port, scoped, PASSWORD).get("/clients/" + client + "/terms").body())
                .contains("Current version 2").contains("Three.").doesNotContain("Publish new version");
    }

    @Test
    void withoutTerms_registrationAsksForNothing() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        mailInvitation(userId);
        mvc.perform(postRegistration(latestToken(email), USER_PASSWORD)).andExpect(status().is3xxRedirection());
    }

    private void publish(String textEn, String textDe) throws Exception {
        asDemo(post("/api/clients/" + client + "/terms", Map.of("textEn", textEn, "textDe", textDe)))
                .andExpect(status().isCreated());
    }

    private long currentId() throws Exception {
        return json.readTree(asDemo(get("/api/clients/" + client + "/terms")).andReturn().getResponse()
                .getContentAsString()).get(0).get("id").asLong();
    }


}
