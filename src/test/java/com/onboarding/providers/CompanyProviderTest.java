package com.onboarding.providers;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onboarding.admin.AdminTestSupport;
import com.onboarding.support.Http;
import com.onboarding.users.UserStatus;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import com.onboarding.support.OpenIdProvider;
import com.onboarding.support.OpenIdProvider.Account;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A client's own identity provider (issue 23), against a real OpenID Connect server (mock-oauth2-server: discovery,
 * JWKS, signed ID tokens, the authorization code flow): invitees register by signing in there, with the invitation's
 * address; a wrong or unverified address, a cancelled invitation and a replayed callback change nothing; later
 * sign-ins go through the same provider.
 */
class CompanyProviderTest extends AdminTestSupport {

    private static final String ISSUER_ID = "acme-idp";

    @RegisterExtension
    static final OpenIdProvider provider = new OpenIdProvider();

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    long client;
    String clientName;
    String registrationId;
    private final HttpClient atProvider = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @BeforeEach
    void aClientWithItsProvider() throws Exception {
        clientName = "IdP " + UUID.randomUUID().toString().substring(0, 8);
        client = json.readTree(asDemo(post("/api/clients", Map.of("name", clientName))).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("id").asLong();
        asDemo(put("/api/clients/" + client + "/identity-provider").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(settings(null)))).andExpect(status().isOk());
        registrationId = jdbc.queryForObject("select registration_id from client_identity_provider where client_id = ?",
                String.class, client);
    }

    @Test
    void anInviteeRegistersWithTheirCompanyAccount_andSignsInThereLater() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, client);
        mailInvitation(userId);
        String token = latestToken(email);
        Http invitee = Http.anonymous(port);

        String page = invitee.get("/register?token=" + token).body();
        assertThat(page).contains("Register with your " + clientName + " account");
        Http.Response done = registerAtProvider(invitee, token, Map.of("firstName", "Ada", "lastName", "Lovelace"),
                account("sub-" + userId, email, true));
        assertThat(done.header("Location")).endsWith("/register/done");
        assertThat(invitee.get("/register/done").body()).contains("you sign in with your " + clientName + " account");

        assertThat(users.findById(userId).orElseThrow().getStatus()).isEqualTo(UserStatus.ACTIVE);
        assertThat(users.findById(userId).orElseThrow().getPasswordHash()).as("no password: the provider signs in")
                .isNull();
        assertThat(users.findById(userId).orElseThrow().getLastName()).isEqualTo("Lovelace");
        assertThat(jdbc.queryForObject("select subject from provider_identity where user_id = ?", String.class, userId))
                .isEqualTo("sub-" + userId);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where subject_user_id = ? and action = ?",
                Long.class, userId, "PROVIDER_ACCOUNT_LINKED")).isEqualTo(1);
        // The confirmation mail's button starts the sign-in there.
        executeJob(invitation(invitationIdOf(userId)).getProcessInstanceId(), "Activity_SendConfirmationMail");
        String confirmation = textPart(mailsTo(email).get(mailsTo(email).size() - 1));
        assertThat(confirmation).contains("From now on, you sign in with your " + clientName + " account.")
                .contains("/oauth2/authorization/" + registrationId).doesNotContain("password");
        // The link was used: it admits nobody any more.
        assertThat(Http.anonymous(port).get("/register?token=" + token).status()).isEqualTo(404);

        // Later: signing in there signs the user in here, with the user role.
        Http later = Http.anonymous(port);
        Http.Response signedIn = signInAtProvider(later, account("sub-" + userId, email, true));
        assertThat(signedIn.header("Location")).endsWith("/");
        Http.Response accountPage = later.get("/account");
        assertThat(accountPage.status()).isEqualTo(200);
        assertThat(accountPage.body()).contains(email);
        assertThat(later.get("/users").status()).as("a user, not an admin").isEqualTo(403);
        assertThat(jdbc.queryForObject("select count(*) from audit_event where subject_user_id = ? and action = ?",
                Long.class, userId, "SIGN_IN")).isEqualTo(1);

        // Another account at the same provider signs nobody in.
        Http stranger = Http.anonymous(port);
        assertThat(signInAtProvider(stranger, account("someone-else", email, true)).header("Location"))
                .endsWith("/login?providerUnknown");
        assertThat(stranger.get("/account").status()).isEqualTo(302);

        // Deleting the user deletes the link to their account there; that account signs nobody in any more.
        asDemo(delete("/api/users/" + userId)).andExpect(status().is2xxSuccessful());
        assertThat(jdbc.queryForObject("select count(*) from provider_identity where subject = ?", Long.class,
                "sub-" + userId)).isZero();
        assertThat(signInAtProvider(Http.anonymous(port), account("sub-" + userId, email, true)).header("Location"))
                .endsWith("/login?providerUnknown");
    }

    @Test
    void aWrongOrUnverifiedAddress_isRefusedWithTheReason_andChangesNothing() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, client);
        mailInvitation(userId);
        String token = latestToken(email);
        Http invitee = Http.anonymous(port);

        Http.Response wrong = registerAtProvider(invitee, token, Map.of(),
                account("sub-wrong", "someone@elsewhere.example", true));
        assertThat(wrong.status()).isEqualTo(400);
        assertThat(wrong.body()).contains("as someone@elsewhere.example, but this invitation is for " + email);

        Http.Response unverified = registerAtProvider(invitee, token, Map.of(),
                account("sub-unverified", email, false));
        assertThat(unverified.status()).isEqualTo(400);
        assertThat(unverified.body()).contains(clientName + " has not confirmed your email address.");
        assertThat(users.findById(userId).orElseThrow().getStatus()).isEqualTo(UserStatus.INVITED);
        assertThat(jdbc.queryForObject("select count(*) from provider_identity where user_id = ?", Long.class, userId))
                .isZero();

        // The domain rule vouches for addresses the provider does not mark as verified; the link still works.
        asDemo(put("/api/clients/" + client + "/identity-provider").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(settings(email.substring(email.indexOf('@') + 1)))))
                .andExpect(status().isOk());
        Http.Response accepted = registerAtProvider(invitee, token, Map.of(), account("sub-unverified", email, false));
        assertThat(accepted.header("Location")).endsWith("/register/done");
        assertThat(users.findById(userId).orElseThrow().getStatus()).isEqualTo(UserStatus.ACTIVE);
    }

    @Test
    void aCancelledInvitation_andAReplayedCallback_changeNothing() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, client);
        mailInvitation(userId);
        String token = latestToken(email);
        Http invitee = Http.anonymous(port);

        // The invitee leaves for the provider; an admin cancels while they are there.
        String callback = callbackFromProvider(invitee, leaveForProvider(invitee, token, Map.of()),
                account("sub-" + userId, email, true));
        asDemo(post("/api/users/" + userId + "/cancel-invitation", Map.of())).andExpect(status().is2xxSuccessful());
        Http.Response cancelled = follow(invitee, invitee.get(callback));
        assertThat(cancelled.status()).isEqualTo(404);
        assertThat(cancelled.body()).contains("This link is no longer valid");
        assertThat(jdbc.queryForObject("select count(*) from provider_identity where user_id = ?", Long.class, userId))
                .isZero();

        // A second invitee registers; the same callback, sent again, is refused and registers or signs in nobody.
        String other = uniqueEmail();
        long otherId = invite(other, client);
        mailInvitation(otherId);
        Http second = Http.anonymous(port);
        String secondCallback = callbackFromProvider(second, leaveForProvider(second, latestToken(other), Map.of()),
                account("sub-" + otherId, other, true));
        assertThat(follow(second, second.get(secondCallback)).status()).isEqualTo(302); // → /register/done
        assertThat(users.findById(otherId).orElseThrow().getStatus()).isEqualTo(UserStatus.ACTIVE);
        Http.Response replay = second.get(secondCallback);
        assertThat(replay.header("Location")).endsWith("/login?providerFailed");
        assertThat(second.get("/account").status()).as("nobody signed in").isEqualTo(302);
        Http.Response replayElsewhere = Http.anonymous(port).get(secondCallback);
        assertThat(replayElsewhere.header("Location")).endsWith("/login?providerFailed");
        assertThat(jdbc.queryForObject("select count(*) from provider_identity where subject = ?", Long.class,
                "sub-" + otherId)).isEqualTo(1);
    }

    @Test
    void theFormIsCheckedBeforeTheInviteeLeaves() throws Exception {
        asDemo(post("/api/clients/" + client + "/terms", Map.of("textEn", "Be nice.", "textDe", "Seien Sie nett.")))
                .andExpect(status().isCreated());
        String email = uniqueEmail();
        long userId = invite(email, client);
        mailInvitation(userId);
        String token = latestToken(email);
        Http invitee = Http.anonymous(port);
        Map<String, String> form = new HashMap<>(registration(token, Map.of("lastName", "")));
        form.put("provider", registrationId);
        Http.Response refused = invitee.formWithToken("/register/provider", form,
                Http.csrfToken(invitee.get("/register?token=" + token).body()));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("Accept the terms of " + clientName + " (version 1) to go on.")
                .doesNotContain("/oauth2/authorization/");
        form.put("provider", "not-a-provider-of-this-invitation");
        assertThat(invitee.formWithToken("/register/provider", form,
                Http.csrfToken(invitee.get("/register?token=" + token).body())).body())
                .contains("This sign-in is not offered for your invitation");
    }

    @Test
    void globalAdminsSetTheProvider_checkedBeforeSaving_andScopedAdminsSeeItWithoutTheSecret() throws Exception {
        asDemo(put("/api/clients/" + client + "/identity-provider").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("issuer", "http://example.com/idp", "clientId", "x"))))
                .andExpect(status().isBadRequest()).andExpect(jsonPath("$.problems[0].field").value("issuer"));
        asDemo(put("/api/clients/" + client + "/identity-provider").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("issuer", "http://127.0.0.1:1/no-provider-here",
                        "clientId", "x"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value(org.hamcrest.Matchers.startsWith(
                        "No OpenID Connect provider answers at this address")));
        asDemo(put("/api/clients/" + globex() + "/identity-provider").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("issuer", issuer(), "clientId", "x"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("clientSecret"));
        asDemo(put("/api/clients/" + client + "/identity-provider").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("issuer", issuer(), "clientId", "x", "emailDomain", "@x"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("emailDomain"));

        String scoped = scopedAdmin(List.of(client), List.of());
        api(scoped, PASSWORD, get("/api/clients/" + client + "/identity-provider")).andExpect(status().isOk())
                .andExpect(jsonPath("$.issuer").value(issuer()))
                .andExpect(jsonPath("$.redirectUri").value(org.hamcrest.Matchers.endsWith(
                        "/login/oauth2/code/" + registrationId)))
                .andExpect(jsonPath("$.clientSecret").doesNotExist());
        api(scoped, PASSWORD, put("/api/clients/" + client + "/identity-provider")
                .contentType(MediaType.APPLICATION_JSON).content(json.writeValueAsString(settings(null))))
                .andExpect(status().isForbidden());
        api(scoped, PASSWORD, get("/api/clients/" + globex() + "/identity-provider")).andExpect(status().isNotFound());

        Http admin = Http.session(port, "demo", DEMO_PASSWORD);
        assertThat(admin.get("/clients/" + client + "/sign-in").body()).contains(issuer())
                .contains("/login/oauth2/code/" + registrationId).doesNotContain("s3cret-at-the-provider");
        Http.Response refused = admin.form("/clients/" + client + "/sign-in",
                Map.of("issuer", "ftp://x", "clientId", "onboarding", "clientSecret", "", "emailDomain", ""));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("<p class=\"error\">Enter a full address starting with https://");
        assertThat(Http.session(port, scoped, PASSWORD).get("/clients/" + client + "/sign-in").body())
                .contains(issuer()).doesNotContain("Remove the identity provider");

        // The sign-in page finds a provider by the address's domain only: the same answer whoever the person is.
        asDemo(put("/api/clients/" + client + "/identity-provider").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(settings("idp-" + client + ".example")))).andExpect(status().isOk());
        Http anyone = Http.anonymous(port);
        Http.Response found = anyone.formWithToken("/login/provider", Map.of("email", "nobody@idp-" + client + ".example"),
                Http.csrfToken(anyone.get("/login").body()));
        assertThat(found.status()).isEqualTo(200);
        assertThat(found.body()).contains("/oauth2/authorization/" + registrationId).contains("Continue to " + clientName);
        assertThat(anyone.formWithToken("/login/provider", Map.of("email", "someone@elsewhere.example"),
                Http.csrfToken(anyone.get("/login").body())).header("Location")).endsWith("/login?providerNone");

        assertThat(admin.formWithToken("/clients/" + client + "/sign-in/delete", Map.of(),
                Http.csrfToken(admin.get("/clients/" + client + "/sign-in").body())).status()).isEqualTo(302);
        assertThat(jdbc.queryForObject("select count(*) from client_identity_provider where client_id = ?", Long.class,
                client)).isZero();
    }

    // --- the round trip, as a browser makes it ---

    private static Map<String, Object> settings(String emailDomain) {
        Map<String, Object> settings = new HashMap<>(Map.of("issuer", issuer(), "clientId", "onboarding",
                "clientSecret", "s3cret-at-the-provider"));
        if (emailDomain != null) {
            settings.put("emailDomain", emailDomain);
        }
        return settings;
    }

    private static String issuer() {
        return provider.issuer(ISSUER_ID);
    }

    private static Account account(String subject, String email, boolean verified) {
        return new Account(subject, email, verified);
    }

    private Map<String, String> registration(String token, Map<String, String> changes) {
        Map<String, String> form = new HashMap<>(Map.of("token", token, "firstName", "Ada", "lastName", "Lovelace",
                "language", "en"));
        form.putAll(changes);
        return form;
    }

    /** Submits the registration form with the provider's button; answers the page that continues to the provider. */
    private String leaveForProvider(Http invitee, String token, Map<String, String> changes) {
        Map<String, String> form = registration(token, changes);
        form.put("provider", registrationId);
        Http.Response onward = invitee.formWithToken("/register/provider", form,
                Http.csrfToken(invitee.get("/register?token=" + token).body()));
        assertThat(onward.status()).as(onward.body()).isEqualTo(200);
        Matcher link = Pattern.compile("href=\"(/oauth2/authorization/[^\"]+)\"").matcher(onward.body());
        assertThat(link.find()).as("a link on to the provider").isTrue();
        return link.group(1);
    }

    /** Follows the link to the provider, signs in there as {@code account}; answers the callback path here. */
    private String callbackFromProvider(Http browser, String start, Account account)
            throws IOException, InterruptedException {
        Http.Response toProvider = browser.get(start);
        String authorize = toProvider.header("Location");
        assertThat(authorize).startsWith(issuer()).contains("code_challenge=").contains("nonce=");
        provider.nextSignIn(ISSUER_ID, account);
        HttpResponse<String> back = atProvider.send(HttpRequest.newBuilder(URI.create(authorize)).build(),
                HttpResponse.BodyHandlers.ofString());
        String callback = back.headers().firstValue("Location").orElseThrow();
        assertThat(callback).startsWith("http://localhost:" + port + "/login/oauth2/code/" + registrationId);
        return callback.substring(("http://localhost:" + port).length());
    }

    private Http.Response registerAtProvider(Http invitee, String token, Map<String, String> changes,
            Account account) throws IOException, InterruptedException {
        return follow(invitee, invitee.get(callbackFromProvider(invitee, leaveForProvider(invitee, token, changes),
                account)));
    }

    private Http.Response signInAtProvider(Http browser, Account account)
            throws IOException, InterruptedException {
        return browser.get(callbackFromProvider(browser, "/oauth2/authorization/" + registrationId, account));
    }

    /** After the callback: the registration page's own step (/register/provider/complete), if that is where it led. */
    private static Http.Response follow(Http browser, Http.Response response) {
        String location = response.header("Location");
        return location != null && location.endsWith("/register/provider/complete")
                ? browser.get("/register/provider/complete") : response;
    }
}
