package com.onboarding.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.account.PasswordResets;
import com.onboarding.admin.scopes.AdminAccounts;
import com.onboarding.bulk.BulkImports;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationRequest;

import com.onboarding.scopes.AdminScope;
import com.onboarding.support.IntegrationTest;
import com.onboarding.users.UserAccountRepository;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Every page of the application (not the Camunda webapps) through axe-core's default rules in a real browser, at
 * desktop width and at 375 px, in English and German: no serious or critical accessibility problem, and no page
 * scrolls sideways. Screenshots of each at both widths land in target/screenshots (a11y-*).
 */
class AccessibilityBrowserTest extends IntegrationTest {

    private static final Pattern RESET_TOKEN = Pattern.compile("/password-reset\\?token=([A-Za-z0-9_-]{43})");
    private static final Pattern ADMIN_SETUP_TOKEN = Pattern.compile("/admin-setup\\?token=([A-Za-z0-9_-]{43})");

    @Autowired
    AdminAccounts adminAccounts;
    @LocalServerPort
    int port;
    @Autowired
    InvitationCommands commands;
    @Autowired
    UserAccountRepository users;
    @Autowired
    PasswordResets passwordResets;
    @Autowired
    BulkImports bulkImports;
    @Autowired
    org.camunda.bpm.engine.IdentityService identity;
    @Autowired
    com.onboarding.scopes.AdminScopes adminScopes;

    private final List<String> problems = new ArrayList<>();

    @Autowired
    com.onboarding.webhooks.WebhookEndpoints webhooks;

    @Test
    void everyPageOfTheApplicationPassesAxe_atDesktopAndPhoneWidth() {
        // A webhook endpoint whose log has the events below, queued (its address answers nothing).
        long webhook = webhooks.create(new com.onboarding.webhooks.WebhookEndpoints.EndpointDetails(
                "https://hooks.example.com/onboarding/events-from-the-invitation-service", "CRM of Acme Corporation",
                List.of("invitation.created", "invitation.sent", "user.deactivated"), true),
                AdminScope.global("demo")).endpoint().getId();
        try {
            everyPage(webhook);
        } finally {
            webhooks.delete(webhook, AdminScope.global("demo"));
        }
    }

    /** The check is not blind: a page of the application with two defects put in shows both. */
    @Test
    void axeReportsTheProblemsOfAPageThatHasThem() {
        try (Browser browser = Browser.open(port)) {
            browser.go("/login?lang=en");
            browser.visible(By.tagName("form"));
            ((JavascriptExecutor) browser.driver()).executeScript("""
                    document.querySelectorAll('label').forEach(label => label.remove());
                    document.body.appendChild(document.createElement('img')).src = '/favicon.ico';
                    """);
            assertThat(browser.accessibilityProblems())
                    .anyMatch(problem -> problem.startsWith("critical image-alt"))
                    .anyMatch(problem -> problem.startsWith("critical label"));
        }
    }

    private void everyPage(long webhook) {
        String email = uniqueEmail();
        long invitationId = commands.invite(new InvitationRequest(email, "Anna", "Berg", "en",
                "Welcome to the team!\nSee you on Monday.", "STANDARD", List.of("VIEW_REPORTS", "EXPORT_DATA"),
                List.of(clients.findByNameIgnoreCase("Acme Corporation").orElseThrow().getId()), "demo"))
                .invitationId();
        executeJob(invitation(invitationId).getProcessInstanceId(), "Activity_SendInvitationMail");
        String token = latestToken(email);
        long userId = invitation(invitationId).getUser().getId();
        String germanEmail = uniqueEmail();
        long germanInvitationId = commands.invite(new InvitationRequest(germanEmail, "Jonas", "Berg", "de", null,
                "STANDARD", List.of(), List.of(clients.findByNameIgnoreCase("Globex GmbH").orElseThrow().getId()),
                "demo")).invitationId();
        executeJob(invitation(germanInvitationId).getProcessInstanceId(), "Activity_SendInvitationMail");
        String germanToken = latestToken(germanEmail);
        long acme = clients.findByNameIgnoreCase("Acme Corporation").orElseThrow().getId();
        long globex = clients.findByNameIgnoreCase("Globex GmbH").orElseThrow().getId();
        // A row as wide as rows get: long names, two clients, waiting (Resend, Cancel invitation, a link's validity).
        long waiting = commands.invite(new InvitationRequest("maximilian.schwarzenberg-hohenlohe." + uniqueEmail(),
                "Maximilian-Alexander", "Schwarzenberg-Hohenlohe", "de", null, "STANDARD", List.of("VIEW_REPORTS"),
                List.of(acme, globex), "demo")).invitationId();
        executeJob(invitation(waiting).getProcessInstanceId(), "Activity_SendInvitationMail");
        // A cancelled invitation: its row offers "Invite again".
        long cancelled = commands.invite(new InvitationRequest(uniqueEmail(), "Carla", "Storno", "en", null, "STANDARD",
                List.of(), List.of(acme), "demo")).invitationId();
        executeJob(invitation(cancelled).getProcessInstanceId(), "Activity_SendInvitationMail");
        commands.requestCancel(cancelled, "demo");
        // A scoped administrator: their row on Administrators holds the scope form with its Save button.
        String scoped = "a11yscoped" + uniqueEmail().substring(5, 11);
        org.camunda.bpm.engine.identity.User user = identity.newUser(scoped);
        user.setFirstName("Greta");
        user.setLastName("Globex");
        user.setPassword("Tulip-Field-7!");
        identity.saveUser(user);
        adminScopes.update(scoped, List.of(globex), List.of("VIEW_REPORTS"), AdminScope.global("demo"));
        long importId = bulkImports.preview("people.csv", ("email,first name,last name,language,role,permissions,"
                + "clients\n" + uniqueEmail() + ",Tom,Kurz,en,Standard user,,Acme Corporation\nbroken,,,,,,\n")
                .getBytes(StandardCharsets.UTF_8), null, AdminScope.global("demo")).bulkImport().getId();

        try (Browser browser = Browser.open(port)) {
            // The public pages.
            check(browser, "/login?lang=de", "login-de");
            assertThat(browser.pageText()).contains("Anmelden").contains("E-Mail oder Benutzername");
            check(browser, "/register?token=" + "x".repeat(43), "link-invalid-de");
            browser.visible(By.id("email")).sendKeys(uniqueEmail());
            browser.click(By.cssSelector("form.new-link button[type='submit']"));
            browser.waitForText(By.tagName("h1"), "Anfrage erhalten");
            checkHere(browser, "new-link-requested-de");
            check(browser, "/does-not-exist", "not-found-de");
            check(browser, "/login?lang=en", "login");
            check(browser, "/register?token=" + "x".repeat(43), "link-invalid");
            browser.visible(By.id("email")).sendKeys(uniqueEmail());
            browser.click(By.cssSelector("form.new-link button[type='submit']"));
            browser.waitForText(By.tagName("h1"), "Request received");
            checkHere(browser, "new-link-requested");
            check(browser, "/register?token=" + token + "&lang=de", "registration-de");
            assertThat(browser.pageText()).contains("Demo Admin hat Sie zu Onboarding eingeladen.");
            check(browser, "/register?token=" + token + "&lang=en", "registration");
            browser.visible(By.id("password")).sendKeys("lower-case-42");
            browser.visible(By.id("passwordConfirmation")).sendKeys("lower-case-42");
            browser.click(By.cssSelector("button[type='submit']"));
            browser.waitForText(By.tagName("body"), "The password must contain an upper-case letter.");
            assertThat(browser.driver().switchTo().activeElement().getAttribute("id"))
                    .as("the first refused field has the focus").isEqualTo("password");
            checkHere(browser, "registration-refused");
            browser.visible(By.id("password")).sendKeys("Äpfel-und-Birnen-7");
            browser.visible(By.id("passwordConfirmation")).sendKeys("Äpfel-und-Birnen-7");
            browser.click(By.cssSelector("button[type='submit']"));
            browser.waitForText(By.tagName("h1"), "Registration complete");
            checkHere(browser, "registration-done");
            check(browser, "/register?token=" + germanToken + "&lang=de", "registration-german-invitee-de");
            browser.visible(By.id("password")).sendKeys("Birnen-und-Äpfel-8");
            browser.visible(By.id("passwordConfirmation")).sendKeys("Birnen-und-Äpfel-8");
            browser.click(By.cssSelector("button[type='submit']"));
            browser.waitForText(By.tagName("h1"), "Registrierung abgeschlossen");
            checkHere(browser, "registration-done-de");
            check(browser, "/does-not-exist?lang=en", "not-found");

            // The registered user's account page, then a password reset link.
            browser.go("/login");
            browser.signIn(email, "Äpfel-und-Birnen-7");
            check(browser, "/account?lang=de", "account-de");
            assertThat(browser.pageText()).contains("Ihr Konto");
            check(browser, "/account?lang=en", "account");
            browser.click(By.xpath("//button[normalize-space()='Sign out']"));
            browser.waitForText(By.cssSelector(".flash.success"), "You are signed out.");
            passwordResets.issue(users.findById(userId).orElseThrow(), "demo");
            String resetToken = latestToken(email, RESET_TOKEN);
            check(browser, "/password-reset?token=" + resetToken + "&lang=de", "password-reset-de");
            check(browser, "/password-reset?token=" + resetToken + "&lang=en", "password-reset");
            String newAdmin = "a11yadmin" + uniqueEmail().substring(5, 11);
            adminAccounts.add(new AdminAccounts.NewAdmin(newAdmin, "Nora", "Neu", newAdmin + "@example.com", false,
                    List.of(globex), List.of()), AdminScope.global("demo"));
            Matcher setup = ADMIN_SETUP_TOKEN.matcher(textPart(mailsTo(newAdmin + "@example.com").get(0)));
            assertThat(setup.find()).isTrue();
            check(browser, "/admin-setup?token=" + setup.group(1) + "&lang=de", "admin-setup-de");
            check(browser, "/admin-setup?token=" + setup.group(1) + "&lang=en", "admin-setup");

            // The admin screens, in English, then in German (the switch in the header).
            browser.go("/login");
            browser.signIn("demo", DEMO_PASSWORD);
            adminScreens(browser, userId, acme, importId, webhook, "");
            browser.click(By.cssSelector(".topbar .languages a[lang='de']"));
            browser.waitForText(By.tagName("h1"), "Nicht gefunden");
            browser.go("/users");
            browser.waitForText(By.tagName("h1"), "Benutzer");
            assertThat(browser.pageText()).contains("Aus Datei einladen").contains("Zeiten in Europe/Berlin.");
            adminScreens(browser, userId, acme, importId, webhook, "-de");
            check(browser, "/dev/mails", "mails");
            // The choice is the admin's account setting: back to English for whoever signs in as demo next.
            browser.go("/users?lang=en");
            browser.waitForText(By.tagName("h1"), "Users");
        }
        assertThat(problems).as("serious or critical accessibility problems").isEmpty();
    }

    private void adminScreens(Browser browser, long userId, long acme, long importId, long webhook, String suffix) {
        check(browser, "/users", "users" + suffix);
        check(browser, "/users?q=nobody-at-all", "users-empty" + suffix);
        check(browser, "/users/invite", "invite" + suffix);
        check(browser, "/users/" + userId + "/edit", "edit" + suffix);
        check(browser, "/users/" + userId + "/delete", "delete" + suffix);
        check(browser, "/users/" + userId + "/resend", "resend" + suffix);
        check(browser, "/users/" + userId, "user" + suffix);
        check(browser, "/audit", "audit" + suffix);
        check(browser, "/users/bulk", "bulk-upload" + suffix);
        check(browser, "/users/bulk/" + importId, "bulk-preview" + suffix);
        check(browser, "/clients", "clients" + suffix);
        check(browser, "/clients/" + acme, "client" + suffix);
        check(browser, "/clients/new", "client-new" + suffix);
        check(browser, "/clients/" + acme + "/edit", "client-edit" + suffix);
        check(browser, "/clients/" + acme + "/terms", "client-terms" + suffix);
        check(browser, "/clients/" + acme + "/sign-in", "client-sign-in" + suffix);
        check(browser, "/admins", "admins" + suffix);
        check(browser, "/admins/new", "admin-new" + suffix);
        check(browser, "/webhooks", "webhooks" + suffix);
        check(browser, "/webhooks/new", "webhook-new" + suffix);
        check(browser, "/webhooks/" + webhook, "webhook" + suffix);
        check(browser, "/webhooks/" + webhook + "/edit", "webhook-edit" + suffix);
        check(browser, "/dashboard", "dashboard" + suffix);
        check(browser, "/versions", "versions" + suffix);
        check(browser, "/users/999999999/edit", "admin-not-found" + suffix);
    }

    private void check(Browser browser, String path, String name) {
        browser.go(path);
        checkHere(browser, name);
    }

    /**
     * axe-core, no sideways scrolling, dates that do not wrap, and a screenshot, at desktop width and at 375 px.
     */
    private void checkHere(Browser browser, String name) {
        for (int width : new int[] {1280, 375}) {
            browser.width(width);
            String where = width == 1280 ? name : name + " (375 px)";
            browser.accessibilityProblems().forEach(problem -> problems.add(where + ": " + problem));
            String overflow = browser.sidewaysOverflow();
            if (!overflow.isEmpty()) {
                problems.add(where + ": the page scrolls sideways by " + overflow);
            }
            // On a desktop every table fits its frame: row actions and the last columns are in view.
            Object cutOff = ((JavascriptExecutor) browser.driver()).executeScript("return Array.from(document"
                    + ".querySelectorAll('.table-frame')).filter(f => f.scrollWidth > f.clientWidth + 1).length");
            if (width == 1280 && ((Number) cutOff).intValue() > 0) {
                problems.add(where + ": " + cutOff + " table(s) wider than the window, their last columns out of view");
            }
            Object wrapped = ((JavascriptExecutor) browser.driver()).executeScript("return Array.from("
                    + "document.querySelectorAll('time')).filter(t => t.getClientRects().length > 1).length");
            if (((Number) wrapped).intValue() > 0) {
                problems.add(where + ": " + wrapped + " dates wrap over two lines");
            }
            browser.screenshot("a11y-" + name + (width == 1280 ? "" : "-375"));
        }
        browser.width(1280);
    }
}
