package com.onboarding.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.onboarding.bulk.BulkInvitationProcess;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationRequest;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.newlink.NewLinkRequestProcess;
import com.onboarding.support.IntegrationTest;
import com.onboarding.users.UserAccountRepository;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The human workflow clicked in a real browser: a file of invitations on the Users screen, the follow-up of an
 * expired invitation and a second admin's approval in Tasklist, "Send me a new link" from the dead-link page to
 * the inviter's Tasklist, and the Onboarding dashboard. Screenshots land in target/screenshots.
 */
class HumanWorkflowBrowserTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAccountRepository users;
    @Autowired
    InvitationCommands commands;
    @Autowired
    TaskService taskService;
    @Autowired
    IdentityService identity;

    @Test
    void bulkInviteFromTheUsersScreen_previewSendAndResult() throws IOException {
        String ina = uniqueEmail();
        String tom = uniqueEmail();
        Path file = Files.createTempFile("people", ".csv");
        Files.writeString(file, "email,first name,last name,language,role,permissions,clients\n"
                + ina + ",Ina,Vogel,de,Standard user,View reports,Acme Corporation\n"
                + tom + ",Tom,Kurz,en,Read-only,,Acme Corporation|Globex GmbH\n"
                + "nobody,,Leer,en,Chief,,Nowhere Ltd\n", StandardCharsets.UTF_8);
        try (Browser browser = Browser.open(port)) {
            browser.go("/users");
            browser.signIn("demo", DEMO_PASSWORD);
            browser.click(By.linkText("Invite from a file"));
            browser.waitForText(By.tagName("h1"), "Invite from a file");
            browser.visible(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.visible(By.id("personalText")).sendKeys("Welcome to the team!");
            browser.screenshot("bulk-01-upload");
            browser.click(By.xpath("//button[normalize-space()='Check the file']"));

            browser.waitForText(By.tagName("body"), "2 rows are ready. Nothing has been sent yet.");
            assertThat(browser.pageText()).contains("Unknown role \"Chief\"").contains("Unknown client \"Nowhere Ltd\"");
            assertThat(users.findByEmailNormalized(ina)).isEmpty();
            browser.screenshot("bulk-02-preview");

            browser.click(By.xpath("//button[normalize-space()='Send 2 invitations']"));
            browser.waitForText(By.tagName("body"), "Sending: 0 of 2 done");
            browser.screenshot("bulk-03-sending");
            runDueJobs(BulkInvitationProcess.KEY);
            browser.driver().navigate().refresh();
            browser.waitForText(By.tagName("body"), "Done: every row has its result.");
            assertThat(browser.visible(By.linkText("Download the result (CSV)")).getAttribute("href"))
                    .endsWith("/result.csv");
            assertThat(users.findByEmailNormalized(tom).orElseThrow().getClients()).hasSize(2);
            browser.screenshot("bulk-04-done");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    /** Chromium showed "This page isn't working" for a file over the limit: the answer must reach the browser. */
    @Test
    void aFileOverTheLimit_theScreenSaysTheLimit() throws IOException {
        Path file = Files.createTempFile("too-many-people", ".csv");
        Files.writeString(file, "email,first name,last name,language,role,permissions,clients\n"
                + "x".repeat(5 * 1024 * 1024), StandardCharsets.UTF_8);
        try (Browser browser = Browser.open(port)) {
            browser.go("/users/bulk");
            browser.signIn("demo", DEMO_PASSWORD);
            browser.visible(By.id("file")).sendKeys(file.toAbsolutePath().toString());
            browser.click(By.xpath("//button[normalize-space()='Check the file']"));
            browser.waitForText(By.tagName("body"), "The file is larger than 4 MB");
            browser.screenshot("bulk-05-file-too-large");
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void expiredInvitation_theInviterResendsFromTasklist() {
        long id = invited("STANDARD", List.of());
        managementService.executeJob(timer(id, "Event_LinkExpired").getId());
        Task task = taskOf(id);
        try (Browser browser = Browser.open(port)) {
            openTask(browser, "demo", DEMO_PASSWORD, task);
            browser.waitForText(By.tagName("body"), "Invitation expired: resend or cancel?");
            browser.click(By.xpath("//label[contains(., 'Resend invitation: mail a new link')]"));
            browser.screenshot("workflow-01-follow-up-task");
            browser.click(By.xpath("//button[normalize-space()='Complete']"));
            await().until(() -> invitation(id).getStatus() == InvitationStatus.PENDING);
            assertThat(invitation(id).getResendCount()).isOne();
        }
    }

    @Test
    void administratorInvitation_aSecondGlobalAdminApprovesInTasklist() {
        long id = invited("ADMINISTRATOR", List.of());
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.AWAITING_APPROVAL);
        String approver = secondGlobalAdmin();
        try (Browser browser = Browser.open(port)) {
            openTask(browser, approver, "Tulip-Field-7!", taskOf(id));
            browser.waitForText(By.tagName("body"), "Role: Administrator");
            // The task is offered to the global admins: Tasklist asks to claim it first.
            browser.click(By.xpath("//button[normalize-space()='Claim']"));
            browser.click(By.xpath("//label[normalize-space()='Approve']"));
            browser.screenshot("workflow-02-approval-task");
            browser.click(By.xpath("//button[normalize-space()='Complete']"));
            await().until(() -> invitation(id).getStatus() == InvitationStatus.PENDING);
        }
    }

    @Test
    void deadLink_theInviteeAsksForANewLink_theInviterResendsFromTasklist() {
        long id = invited("STANDARD", List.of());
        String email = invitation(id).getUser().getEmail();
        String oldToken = latestToken(email);
        commands.requestResend(id, "demo");
        try (Browser browser = Browser.open(port)) {
            browser.go("/register?token=" + oldToken);
            browser.waitForText(By.tagName("h1"), "This link is no longer valid");
            browser.visible(By.id("email")).sendKeys(email);
            browser.screenshot("workflow-03-dead-link");
            browser.click(By.xpath("//button[normalize-space()='Ask for a new link']"));
            browser.waitForText(By.tagName("h1"), "Request received");
            browser.screenshot("workflow-04-new-link-requested");

            runDueJobs(NewLinkRequestProcess.KEY);
            Task task = taskService.createTaskQuery().processDefinitionKey(NewLinkRequestProcess.KEY)
                    .processInstanceBusinessKey(NewLinkRequestProcess.businessKey(invitation(id).getUser().getId()))
                    .singleResult();
            openTask(browser, "demo", DEMO_PASSWORD, task);
            browser.waitForText(By.tagName("body"), "Ina Vogel asks for a new link");
            browser.click(By.xpath("//label[contains(., 'Resend invitation: mail a new link')]"));
            browser.screenshot("workflow-05-new-link-task");
            browser.click(By.xpath("//button[normalize-space()='Complete']"));
            await().until(() -> invitation(id).getResendCount() == 2);
        }
    }

    @Test
    void dashboardShowsTheFunnel() {
        invited("STANDARD", List.of());
        try (Browser browser = Browser.open(port)) {
            browser.go("/dashboard");
            browser.signIn("demo", DEMO_PASSWORD);
            browser.waitForText(By.tagName("h1"), "Onboarding");
            assertThat(browser.pageText()).contains("invitations sent").contains("median time to accept");
            assertThat(browser.driver().findElements(By.cssSelector("svg.chart rect"))).isNotEmpty();
            browser.screenshot("workflow-06-dashboard");
        }
    }

    @Test
    void administratorInvitation_aSecondGlobalAdminRejectsItOnTheUsersScreen() {
        long id = invited("ADMINISTRATOR", List.of());
        String email = invitation(id).getUser().getEmail();
        String approver = secondGlobalAdmin();
        try (Browser browser = Browser.open(port)) {
            browser.go("/");
            browser.signIn(approver, "Tulip-Field-7!");
            browser.waitForText(By.tagName("h1"), "Users");
            browser.go("/users?q=" + email);
            browser.visible(By.xpath("//button[normalize-space()='Approve']"));
            browser.screenshot("workflow-07-approve-or-reject-on-the-row");
            assertThat(browser.accessibilityProblems()).isEmpty();

            browser.click(By.xpath("//a[normalize-space()='Reject']"));
            browser.waitForText(By.tagName("h1"), "Reject the invitation?");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.width(375);
            assertThat(browser.accessibilityProblems()).as("at 375 px").isEmpty();
            assertThat(browser.sidewaysOverflow()).as("at 375 px").isEmpty();
            browser.width(1280);
            browser.visible(By.id("reason")).sendKeys("Not before the contract is signed.");
            browser.screenshot("workflow-08-reject-with-a-reason");
            browser.click(By.xpath("//button[normalize-space()='Reject invitation']"));
            browser.waitForText(By.cssSelector(".flash.success"), "The invitation to " + email + " is rejected");
            assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.REJECTED);
        }
    }

    /** A global admin besides demo, who may decide on what demo asked for. */
    private String secondGlobalAdmin() {
        String approver = "approver" + uniqueEmail().substring(5, 11);
        User user = identity.newUser(approver);
        user.setFirstName("Greta");
        user.setLastName("Second");
        user.setPassword("Tulip-Field-7!");
        identity.saveUser(user);
        identity.createMembership(approver, "camunda-admin");
        return approver;
    }

    private long invited(String role, List<String> permissions) {
        long id = commands.invite(new InvitationRequest(uniqueEmail(), "Ina", "Vogel", "en", "Welcome!", role,
                permissions, List.of(clients.findByNameIgnoreCase("Acme Corporation").orElseThrow().getId()), "demo"))
                .invitationId();
        if (invitation(id).getStatus() != InvitationStatus.AWAITING_APPROVAL) {
            executeJob(invitation(id).getProcessInstanceId(), "Activity_SendInvitationMail");
        }
        return id;
    }

    private Job timer(long invitationId, String activityId) {
        return managementService.createJobQuery().processInstanceId(invitation(invitationId).getProcessInstanceId())
                .timers().activityId(activityId).singleResult();
    }

    private Task taskOf(long invitationId) {
        return openTaskOf(invitationId);
    }

    /** Signs in through Tasklist (the application's sign-in) and opens the task. */
    private static void openTask(Browser browser, String user, String password, Task task) {
        browser.go("/camunda/app/tasklist/default/");
        if (browser.driver().getCurrentUrl().contains("/login")) {
            browser.signIn(user, password);
        }
        browser.visible(By.cssSelector(".start-process-action"));
        browser.openTasklistTask(task.getId());
    }

}
