package com.onboarding.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.admin.AdminTestSupport;
import com.onboarding.registration.RegistrationService;
import com.onboarding.support.Http;
import com.onboarding.support.Http.Response;
import com.onboarding.users.UserStatus;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** No framework page, no stack trace, no raw exception text anywhere a person looks; API errors are problem details. */
class ErrorsLookLikeTheProductTest extends AdminTestSupport {

    static final String INVITATION = "{\"email\":\"%s\",\"firstName\":\"Ina\",\"lastName\":\"Vogel\","
            + "\"language\":\"en\",\"role\":\"STANDARD\",\"clients\":%s}";

    @LocalServerPort
    int port;
    @Autowired
    RegistrationService registration;

    Http api() {
        return Http.basic(port, "demo", DEMO_PASSWORD);
    }

    static void assertProblem(Response response, int status, String detail) {
        assertThat(response.status()).isEqualTo(status);
        assertThat(response.header("Content-Type")).startsWith("application/problem+json");
        assertThat(response.body()).contains("\"status\":" + status).contains(detail)
                .doesNotContain("Exception").doesNotContain("trace");
    }

    @Test
    void everyApiErrorIsProblemDetailsWithASentence() {
        long usersBefore = users.count();
        assertProblem(api().post("/api/invitations", "text/plain", "hello"), 415, "send JSON");
        assertProblem(api().json("POST", "/api/invitations", "{\"email\":\"a@example.com\",\"clie"), 400,
                "The body is not valid JSON");
        Response wrongType = api().json("POST", "/api/invitations", INVITATION.formatted(uniqueEmail(), "[\"acme\"]"));
        assertProblem(wrongType, 400, "The field 'clients[0]' has a value of the wrong type.");
        assertThat(wrongType.body()).contains("\"field\":\"clients[0]\"").contains("'acme' is not a whole number");
        assertProblem(api().json("POST", "/api/invitations", INVITATION.formatted(uniqueEmail(), "[1]")
                .replace("}", ",\"personalText\":\"" + "x".repeat(70_000) + "\"}")), 413, "larger than");
        Response badId = api().get("/api/users/abc");
        assertProblem(badId, 400, "'abc' is not a valid id: a whole number");
        assertThat(badId.body()).contains("\"field\":\"id\"");
        assertProblem(api().get("/api/users?status=SLEEPING"), 400, "one of INVITE_ACCEPTED");
        assertProblem(api().get("/api/nothing-here"), 404, "There is nothing at this address.");
        assertProblem(api().delete("/api/clients"), 405, "does not accept this kind of request");
        Response anonymous = Http.anonymous(port).get("/api/users");
        assertProblem(anonymous, 401, "Sign in with HTTP Basic");
        assertThat(anonymous.header("WWW-Authenticate")).startsWith("Basic");
        assertThat(users.count()).isEqualTo(usersBefore);
    }

    @Test
    void anInviteeCallingTheApiIsRefusedWithProblemDetails() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        mailInvitation(userId);
        registration.register(registrationForm(latestToken(email), "Sunny-Day-42"));
        assertProblem(Http.basic(port, email, "Sunny-Day-42").get("/api/users"), 403, "for administrators only");
    }

    @Test
    void pagesShowTheProductsErrorPage() {
        Http admin = Http.session(port, "demo", DEMO_PASSWORD);
        Response missing = admin.get("/no-such-page");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.body()).contains("Page not found").contains("Go to the start page")
                .doesNotContain("Whitelabel").doesNotContain("Exception");
        Response badStatus = admin.get("/users?status=SLEEPING");
        assertThat(badStatus.status()).isEqualTo(400);
        assertThat(badStatus.body()).contains("&#39;SLEEPING&#39; is not a valid status.").doesNotContain("Exception");
        assertThat(admin.get("/users/abc/edit").body()).contains("&#39;abc&#39; is not a valid id.");
    }

    @Test
    void aFailureNobodyHandledGetsTheProductsPage_inTheVisitorsLanguage() throws Exception {
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/error")
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/users")
                        .locale(java.util.Locale.GERMAN))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status().isInternalServerError())
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
                        .string(org.hamcrest.Matchers.containsString("Etwas ist schiefgegangen")));
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/error")
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_STATUS_CODE, 500)
                        .requestAttr(jakarta.servlet.RequestDispatcher.ERROR_REQUEST_URI, "/api/users"))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath("$.detail")
                        .value(org.hamcrest.Matchers.startsWith("Nothing you did caused this")));
    }

    @Test
    void anUnreadableFormValueGetsASentence_andNothingIsSent() {
        Http admin = Http.session(port, "demo", DEMO_PASSWORD);
        String email = uniqueEmail();
        Response response = admin.form("/users/invite", Map.of("email", email, "firstName", "Ina", "lastName", "Vogel",
                "language", "en", "role", "STANDARD", "clients", "acme"));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.body()).contains("Choose the clients from the list.").contains("Nothing was saved")
                .doesNotContain("Failed to convert").doesNotContain("NumberFormatException");
        assertThat(users.findByEmailNormalized(email)).isEmpty();
        assertThat(mailsTo(email)).isEmpty();
    }

    @Test
    void aRegistrationFormWhoseSessionWasLostComesBackWithTheEntries() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        mailInvitation(userId);
        String token = latestToken(email);
        // The page was opened in another session, which has expired: the form's CSRF token is stale.
        Response response = Http.anonymous(port).formWithToken("/register", Map.of("token", token,
                "firstName", "Annabel", "lastName", "Berg", "language", "en",
                "password", "Sunny-Day-42", "passwordConfirmation", "Sunny-Day-42"), "stale-token");
        assertThat(response.status()).isEqualTo(403);
        assertThat(response.body()).contains("Your session had expired, so nothing was saved yet.")
                .contains("value=\"Annabel\"").doesNotContain("Sunny-Day-42").contains("name=\"_csrf\"");
        assertThat(users.findById(userId).orElseThrow().getStatus()).isEqualTo(UserStatus.INVITED);
    }

    @Test
    void pagesCarryAContentSecurityPolicy_capturedMailsASandbox() throws Exception {
        String policy = Http.anonymous(port).get("/login").header("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'").contains("object-src 'none'").doesNotContain("unsafe-inline");
        String email = uniqueEmail();
        mailInvitation(invite(email, acme()));
        Response mail = Http.anonymous(port).get("/dev/mails/0");
        assertThat(mail.header("Content-Security-Policy")).contains("sandbox").contains("default-src 'none'");
        String camunda = Http.session(port, "demo", DEMO_PASSWORD).get("/camunda/app/tasklist/default/")
                .header("Content-Security-Policy");
        assertThat(camunda).as("the webapps keep their own policy").isNotEqualTo(policy);
    }

    /**
     * Addresses Tomcat refuses before the application sees them (undecodable, a NUL, an encoded slash after "..",
     * a request line over the size limit): the product's page or problem details, with the usual headers.
     */
    @Test
    void malformedAddressesTomcatRefusesAlone_getTheProductsPageOrProblemDetails() throws Exception {
        Http visitor = Http.anonymous(port);
        for (String path : new String[] {"/users/%ff", "/users/%00", "/users/..%2f..", "/register?x=" + "a".repeat(10_000)}) {
            Response page = visitor.get(path);
            assertThat(page.status()).as(path).isEqualTo(400);
            assertThat(page.header("Content-Type")).as(path).startsWith("text/html");
            assertThat(page.body()).as(path).contains("<title>This request could not be understood")
                    .contains("href=\"/css/onboarding.css\"").doesNotContain("HTTP Status").doesNotContain("Tomcat");
            assertThat(page.header("Content-Security-Policy")).as(path).contains("script-src 'self'");
            assertThat(page.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
        // A request line over the size limit is refused before its path is known: it gets the page, whatever the path.
        for (String path : new String[] {"/api/users/%ff", "/api/users/..%2f..", "/api/users/%00"}) {
            Response problem = api().get(path);
            assertProblem(problem, 400, "Something in the request was not in the expected form.");
            assertThat(problem.header("X-Content-Type-Options")).as(path).isEqualTo("nosniff");
        }
        java.net.http.HttpResponse<String> german = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/users/%ff"))
                        .header("Accept-Language", "de-DE").build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(german.body()).contains("lang=\"de\"").contains("Diese Anfrage war nicht verständlich");
    }

    /**
     * A file of invitations over the 4 MB limit, declared or sent in chunks, on the API and the screen: 413 with the
     * limit in the sentence (it was an empty 413 and a closed connection), nothing created.
     */
    @Test
    void anOversizeFileIsRefusedWithItsLimit_onTheApiAndTheScreen() throws Exception {
        long usersBefore = users.count();
        String boundary = "----onboarding-test";
        String file = "email,first name,last name,language,role,permissions,clients\n"
                + "x".repeat(5 * 1024 * 1024) + "\n";
        String body = "--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"people.csv\"\r\n"
                + "Content-Type: text/csv\r\n\r\n" + file + "\r\n--" + boundary + "--\r\n";
        String type = "multipart/form-data; boundary=" + boundary;

        Response declared = api().post("/api/invitations/bulk", type, body);
        assertProblem(declared, 413, "The file is larger than 4 MB, the most this service accepts in one file.");
        assertThat(declared.header("X-Content-Type-Options")).isEqualTo("nosniff");

        java.net.http.HttpResponse<String> chunked = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create("http://localhost:" + port + "/api/invitations/bulk"))
                        .header("Authorization", "Basic " + java.util.Base64.getEncoder().encodeToString(
                                ("demo:" + DEMO_PASSWORD).getBytes(java.nio.charset.StandardCharsets.UTF_8)))
                        .header("Content-Type", type)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() ->
                                new java.io.ByteArrayInputStream(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))))
                        .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(chunked.statusCode()).isEqualTo(413);
        assertThat(chunked.body()).contains("The file is larger than 4 MB");

        Http admin = Http.session(port, "demo", DEMO_PASSWORD);
        String csrf = Http.csrfToken(admin.get("/users/bulk").body());
        Response screen = admin.post("/users/bulk", type, body.replace("--" + boundary + "--",
                "--" + boundary + "\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + csrf + "\r\n--"
                        + boundary + "--"));
        assertThat(screen.status()).isEqualTo(413);
        assertThat(screen.header("Content-Type")).startsWith("text/html");
        assertThat(screen.body()).contains("The file is larger than 4 MB").contains("Split it into smaller files");
        assertThat(screen.header("Content-Security-Policy")).contains("script-src 'self'");
        assertThat(users.count()).isEqualTo(usersBefore);
    }

    /** The API answers in the caller's language (Accept-Language), as the screens do. */
    @Test
    void theApiAnswersInTheCallersLanguage() {
        Http german = api().inLanguage("de-DE,de;q=0.9");
        assertProblem(german.get("/api/users/999999"), 404, "Benutzer 999999 existiert nicht.");
        assertProblem(german.json("POST", "/api/invitations", "{\"email\":\"a@example.com\",\"clie"), 400,
                "Der Inhalt ist kein gültiges JSON");
        assertProblem(german.get("/api/users/abc"), 400, "'abc' ist kein gültiger Wert für id: eine ganze Zahl");
        assertProblem(Http.anonymous(port).inLanguage("de").get("/api/users"), 401, "Melden Sie sich mit HTTP Basic an");
        String scoped = scopedAdmin(java.util.List.of(acme()), java.util.List.of());
        assertProblem(Http.basic(port, scoped, PASSWORD).inLanguage("de").json("PUT", "/api/clients/" + acme(),
                "{\"name\":\"Acme Neu\"}"), 403, "Das dürfen nur globale Administratoren");
        Response refused = german.json("POST", "/api/invitations", INVITATION.formatted("kein-mail", "[" + acme() + "]"));
        assertProblem(refused, 400, "Die Einladung wurde nicht verschickt:");
        assertThat(refused.body()).doesNotContain("The invitation was not sent");
    }
}
