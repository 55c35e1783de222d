package com.onboarding.shipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onboarding.browser.Browser;
import com.onboarding.support.AppNode;
import com.onboarding.support.Engines;
import com.onboarding.support.Http;
import com.onboarding.support.SmtpSink;
import com.onboarding.support.SmtpSink.Mail;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * Every user task form the product has, opened, filled and completed in a real Chromium through Tasklist of a
 * running node, in one language, with the effect of each checked from outside (the mails at the SMTP server, the
 * user's row over /api, the engine's tasks over /engine-rest):
 * <ol>
 * <li><i>Enter user data</i> (started as "Invite user"): the invitation mail goes out, the row says Invited;</li>
 * <li><i>Invitation sent</i>: completed, the confirmation process ends;</li>
 * <li><i>Invitation expired: resend or cancel?</i> (the link's timer run at once): resend mails a new link;</li>
 * <li><i>Answer the request for a new link</i> (asked for on the first link's page, now dead): resend mails another
 * link;</li>
 * <li><i>Approve invitation</i> (an invitation as Administrator), by a second global admin: the mail goes out;</li>
 * <li><i>Approve privilege change</i> (an edit to Administrator), by the second admin: the role is granted.</li>
 * </ol>
 * Each form must show its heading in the reader's language, taken from the form file of that language.
 */
final class TasklistWalk {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final String APPROVER_PASSWORD = "Tulip-Field-7!";

    private final int port;
    private final SmtpSink mail;
    private final Texts texts;
    private final String screenshots;
    private final Http admin;
    private final String run = UUID.randomUUID().toString().substring(0, 8);

    TasklistWalk(AppNode node, SmtpSink mail, Texts texts, String screenshots) {
        this.port = node.port;
        this.mail = mail;
        this.texts = texts;
        this.screenshots = screenshots;
        this.admin = Http.basic(port, AppNode.ADMIN, AppNode.ADMIN_PASSWORD);
    }

    void run() {
        String client = "Walk " + texts.code + " " + run;
        long clientId = json(ok(admin.json("POST", "/api/clients", "{\"name\":\"" + client + "\"}"))).get("id").asLong();
        String approver = secondGlobalAdmin();
        String email = "walk-" + texts.code + "-" + run + "@example.com";
        try (Browser browser = Browser.open(port, texts.browserLanguage)) {
            screenshotOnFailure(browser, () -> {
                signInToTasklist(browser, AppNode.ADMIN, AppNode.ADMIN_PASSWORD);
                long userId = enterUserData(browser, email, client, clientId);
                invitationSent(browser);
                Mail expiredLink = followUpExpiredInvitation(browser, userId, email);
                answerNewLinkRequest(browser, email, expiredLink);
                cockpitLinksTheUser(browser, userId);
            });
        }
        try (Browser browser = Browser.open(port, texts.browserLanguage)) {
            screenshotOnFailure(browser, () -> {
                signInToTasklist(browser, approver, APPROVER_PASSWORD);
                approveInvitation(browser, clientId);
                approvePrivilegeChange(browser, clientId, email);
            });
        }
    }

    /**
     * Signs in through Tasklist; first the administrator picks the walk's language in the application's header, as a
     * person would, which names their tasks in it.
     */
    private void signInToTasklist(Browser browser, String user, String password) {
        browser.go("/users");
        browser.signIn(user, password);
        browser.click(By.cssSelector(".topbar .languages a[lang='" + texts.code + "']"));
        browser.waitForText(By.tagName("h1"), texts.message("users.title"));
        browser.go("/camunda/app/tasklist/default/");
        browser.visible(By.cssSelector(".start-process-action"));
        // The jar's own styles hide Camunda's "migrate to Camunda 8" banner; Operaton's webapps have none.
        List<WebElement> banners = browser.driver().findElements(By.cssSelector(".ce-eol-banner"));
        if (!Engines.operaton()) {
            assertThat(banners).isNotEmpty();
        }
        assertThat(banners).noneMatch(WebElement::isDisplayed);
    }

    /** The screen as it was when a step failed, in target/screenshots. */
    private void screenshotOnFailure(Browser browser, Runnable steps) {
        try {
            steps.run();
        } catch (RuntimeException | AssertionError e) {
            screenshot(browser, "failed");
            throw e;
        }
    }

    /** Starts "Invite user" as a person does and fills "Enter user data"; returns the invited user's id. */
    private long enterUserData(Browser browser, String email, String client, long clientId) {
        browser.click(By.cssSelector(".start-process-action a"));
        browser.click(By.xpath("//div[contains(@class,'modal-content')]//ul[contains(@class,'processes')]"
                + "//a[normalize-space()='Invite user']"));
        browser.click(By.xpath("//div[contains(@class,'modal-footer')]//button[normalize-space()='"
                + texts.tasklist("START") + "']"));
        JsonNode task = awaitTask("processDefinitionKey=invite-user&taskDefinitionKey=Activity_EnterUserData&assignee="
                + AppNode.ADMIN);
        assertThat(task.get("name").asText()).as("named in the assignee's language")
                .isEqualTo(texts.message("task.EnterUserData"));
        open(browser, task, "invite-user");
        assertThat(browser.pageText()).contains(texts.fieldLabel("invite-user", "firstName"))
                .contains(texts.fieldLabel("invite-user", "clients"));
        browser.visible(By.cssSelector("input[id$='-FirstName']")).sendKeys("Eva");
        browser.visible(By.cssSelector("input[id$='-LastName']")).sendKeys("Lind");
        browser.chooseInForm("Language", texts.languageName);
        browser.visible(By.cssSelector("textarea[id$='-PersonalText']")).sendKeys("Welcome to the team!");
        browser.chooseInForm("Role", texts.standardRole);
        browser.click(By.xpath("//label[normalize-space()='" + client + "']"));
        // Refused in the browser, in the reader's language (form-js has English only; scripts/form-messages.js).
        WebElement emailField = browser.visible(By.cssSelector("input[id$='-Email']"));
        emailField.sendKeys("not-an-address");
        complete(browser);
        browser.waitForText(By.cssSelector(".fjs-form"), texts.invalidEmail);
        screenshot(browser, "01a-invalid-email");
        browser.dismissTasklistNotifications();
        // Refused by the server, in the reader's language: an address that belongs to a user already.
        String taken = "taken-" + texts.code + "-" + run + "@example.com";
        ok(admin.json("POST", "/api/invitations", "{\"email\":\"" + taken + "\",\"firstName\":\"Tom\","
                + "\"lastName\":\"Taken\",\"language\":\"en\",\"role\":\"STANDARD\",\"permissions\":[],"
                + "\"clients\":[" + clientId + "]}"));
        emailField.clear();
        emailField.sendKeys(taken);
        complete(browser);
        browser.waitForText(By.tagName("body"), texts.message("invitation.notSent"));
        assertThat(browser.pageText()).as("one language").doesNotContain(texts.other().message("invitation.notSent"));
        screenshot(browser, "01b-refused");
        browser.dismissTasklistNotifications();
        emailField.clear();
        emailField.sendKeys(email);
        screenshot(browser, "01-enter-user-data");
        complete(browser);

        Mail invitation = awaitMail(email, 1);
        assertThat(invitation.token()).as("the invitation mail's link").isNotNull();
        JsonNode row = userRow(email);
        assertThat(row.get("status").asText()).isEqualTo("INVITED");
        return row.get("id").asLong();
    }

    /** The confirmation task of the same "Invite user" instance: read, completed, and the instance ends. */
    private void invitationSent(Browser browser) {
        JsonNode task = awaitTask("processDefinitionKey=invite-user&taskDefinitionKey=Activity_InvitationSent&assignee="
                + AppNode.ADMIN);
        open(browser, task, "invitation-sent");
        screenshot(browser, "02-invitation-sent");
        complete(browser);
        String instance = task.get("processInstanceId").asText();
        await().atMost(PATIENCE).until(() -> admin.get("/engine-rest/process-instance/" + instance).status() == 404);
    }

    /** Runs the link's expiry timer at once; the inviter's follow-up resends: a new link, the first one dead. */
    private Mail followUpExpiredInvitation(Browser browser, long userId, String email) {
        Mail first = awaitMail(email, 1);
        String instance = json(ok(admin.get("/api/users/" + userId))).get("processInstanceId").asText();
        JsonNode timer = json(ok(admin.get("/engine-rest/job?timers=true&activityId=Event_LinkExpired&processInstanceId="
                + instance))).get(0);
        assertThat(admin.post("/engine-rest/job/" + timer.get("id").asText() + "/execute", "application/json", "")
                .status()).isEqualTo(204);
        JsonNode task = awaitTask("processInstanceId=" + instance + "&taskDefinitionKey=Activity_FollowUpExpiredInvitation");
        open(browser, task, "follow-up-expired-invitation");
        browser.click(By.xpath("//label[normalize-space()='"
                + texts.option("follow-up-expired-invitation", "followUpDecision", "resend") + "']"));
        screenshot(browser, "03-follow-up-expired-invitation");
        complete(browser);

        Mail second = awaitMail(email, 2);
        assertThat(second.token()).isNotEqualTo(first.token());
        return first;
    }

    /** The first link is dead; on its page the invitee asks for a new link; the inviter's task resends. */
    private void answerNewLinkRequest(Browser browser, String email, Mail deadLink) {
        browser.go("/register?token=" + deadLink.token());
        browser.waitForText(By.tagName("h1"), texts.message("linkInvalid.title"));
        browser.visible(By.id("email")).sendKeys(email);
        browser.click(By.xpath("//form[contains(@class,'new-link')]//button[@type='submit']"));
        browser.waitForText(By.tagName("h1"), texts.message("newLink.done.title"));

        JsonNode task = awaitTask("processDefinitionKey=new-link-request&assignee=" + AppNode.ADMIN);
        assertThat(task.get("name").asText()).isEqualTo(texts.message("task.AnswerNewLinkRequest")
                .replace("{0}", "Eva Lind"));
        open(browser, task, "new-link-request");
        browser.click(By.xpath("//label[normalize-space()='"
                + texts.option("new-link-request", "newLinkDecision", "resend") + "']"));
        screenshot(browser, "04-new-link-request");
        complete(browser);
        assertThat(awaitMail(email, 3).token()).isNotNull();
    }

    /** Cockpit loads, and its tab "User" on the invitation's instance links to the user's row. */
    private void cockpitLinksTheUser(Browser browser, long userId) {
        String instance = json(ok(admin.get("/api/users/" + userId))).get("processInstanceId").asText();
        browser.go("/camunda/app/cockpit/default/#/process-instance/" + instance + "/runtime");
        // Cockpit in the reader's language, its tabs and the product's tab alike.
        browser.waitForText(By.tagName("body"), texts == Texts.GERMAN ? "Variablen" : "Variables");
        browser.click(By.xpath("//ul[contains(@class,'nav-tabs')]//a[normalize-space()='"
                + (texts == Texts.GERMAN ? "Benutzer" : "User") + "']"));
        String href = browser.visible(By.cssSelector("a.onboarding-user-link")).getAttribute("href");
        assertThat(href).endsWith("/users/" + userId);
        screenshot(browser, "04b-cockpit-user-tab");
    }

    /** An invitation as Administrator waits for a second global admin, who claims the task and approves it. */
    private void approveInvitation(Browser browser, long clientId) {
        String email = "walk-admin-" + texts.code + "-" + run + "@example.com";
        JsonNode created = json(ok(admin.json("POST", "/api/invitations", "{\"email\":\"" + email
                + "\",\"firstName\":\"Ada\",\"lastName\":\"Admin\",\"language\":\"" + texts.code
                + "\",\"role\":\"ADMINISTRATOR\",\"permissions\":[],\"clients\":[" + clientId + "]}")));
        long userId = created.get("userId").asLong();
        assertThat(json(ok(admin.get("/api/users/" + userId))).get("status").asText()).isEqualTo("AWAITING_APPROVAL");
        // The four-eyes approval the invitation called carries its business key.
        JsonNode task = awaitTask("processInstanceBusinessKey=invitation-" + created.get("invitationId").asLong()
                + "&taskDefinitionKey=Activity_ApproveRequest");
        open(browser, task, "approve-request");
        claim(browser);
        await().atMost(PATIENCE).until(() -> json(ok(admin.get("/engine-rest/task/" + task.get("id").asText())))
                .get("name").asText(), name -> name.equals(texts.message("task.ApproveRequest",
                        texts.message("approval.subject.user-invitation"))));
        browser.click(By.xpath("//label[normalize-space()='"
                + texts.option("approve-request", "approvalDecision", "approve") + "']"));
        screenshot(browser, "05-approve-invitation");
        complete(browser);
        assertThat(awaitMail(email, 1).token()).isNotNull();
        assertThat(json(ok(admin.get("/api/users/" + userId))).get("status").asText()).isEqualTo("INVITED");
    }

    /** An edit to Administrator waits for the second admin's approval; approved, the role is granted. */
    private void approvePrivilegeChange(Browser browser, long clientId, String email) {
        long userId = userRow(email).get("id").asLong();
        ok(admin.json("PUT", "/api/users/" + userId, "{\"firstName\":\"Eva\",\"lastName\":\"Lind\",\"language\":\""
                + texts.code + "\",\"roleCode\":\"ADMINISTRATOR\",\"permissionCodes\":[],\"clientIds\":[" + clientId
                + "]}"));
        assertThat(json(ok(admin.get("/api/users/" + userId))).get("pendingChange").asText()).contains("Administrator");
        JsonNode task = awaitTask("processInstanceBusinessKeyLike=privilege-change-%25&taskDefinitionKey=Activity_ApproveRequest");
        open(browser, task, "approve-request");
        claim(browser);
        await().atMost(PATIENCE).until(() -> json(ok(admin.get("/engine-rest/task/" + task.get("id").asText())))
                .get("name").asText(), name -> name.equals(texts.message("task.ApproveRequest",
                        texts.message("approval.subject.privilege-change"))));
        browser.click(By.xpath("//label[normalize-space()='"
                + texts.option("approve-request", "approvalDecision", "approve") + "']"));
        screenshot(browser, "06-approve-privilege-change");
        complete(browser);
        await().atMost(PATIENCE).until(() -> json(ok(admin.get("/api/users/" + userId))).get("role").asText(),
                role -> role.equals("Administrator"));
    }

    /** A second member of camunda-admin, created over the engine's REST API as an operator would. */
    private String secondGlobalAdmin() {
        String id = "approver" + texts.code + run;
        assertThat(admin.json("POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\"" + id
                + "\",\"firstName\":\"Greta\",\"lastName\":\"Second\",\"email\":\"" + id + "@example.com\"},"
                + "\"credentials\":{\"password\":\"" + APPROVER_PASSWORD + "\"}}").status()).isEqualTo(204);
        assertThat(admin.put("/engine-rest/group/camunda-admin/members/" + id).status()).isEqualTo(204);
        return id;
    }

    /** Opens a task in Tasklist and checks that its form speaks the reader's language. */
    private void open(Browser browser, JsonNode task, String form) {
        browser.openTasklistTask(task.get("id").asText());
        browser.waitForText(By.cssSelector(".fjs-form"), texts.formHeading(form));
        browser.dismissTasklistNotifications();
    }

    private void claim(Browser browser) {
        browser.click(By.xpath("//button[normalize-space()='" + texts.tasklist("CLAIM_TASK") + "']"));
    }

    private void complete(Browser browser) {
        browser.click(By.xpath("//button[normalize-space()='" + texts.tasklist("COMPLETE") + "']"));
    }



    private void screenshot(Browser browser, String step) {
        browser.screenshot(screenshots + "-" + texts.code + "-" + step);
    }

    /** The first task of a query of /engine-rest/task, once there is one. */
    private JsonNode awaitTask(String query) {
        return await().atMost(PATIENCE).until(() -> json(ok(admin.get("/engine-rest/task?" + query))),
                tasks -> tasks.size() > 0).get(0);
    }

    /** The n-th mail to an address, once it has arrived. */
    private Mail awaitMail(String to, int n) {
        List<Mail> mails = await().atMost(PATIENCE).until(
                () -> mail.received().stream().filter(m -> m.to().equalsIgnoreCase(to)).toList(),
                received -> received.size() >= n);
        return mails.get(n - 1);
    }

    private JsonNode userRow(String email) {
        JsonNode users = json(ok(admin.get("/api/users?q=" + email))).get("users");
        assertThat(users).as("users found by " + email).hasSize(1);
        return users.get(0);
    }

    private static Http.Response ok(Http.Response response) {
        assertThat(response.status()).as(response.body()).isBetween(200, 299);
        return response;
    }

    private static JsonNode json(Http.Response response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
