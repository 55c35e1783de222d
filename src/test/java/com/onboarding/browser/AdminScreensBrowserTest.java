package com.onboarding.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.support.IntegrationTest;
import com.onboarding.users.UserAccountRepository;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The admin screens clicked in a real browser: invite from the Users screen and from a client's Users tab, the
 * invitee registers through the captured mail, the row says "Invite accepted"; resend and cancel from the row;
 * a scoped admin cannot reach another client's users. Screenshots land in target/screenshots.
 */
class AdminScreensBrowserTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAccountRepository users;
    @Autowired
    IdentityService identity;
    @Autowired
    AdminScopes adminScopes;

    @Test
    void inviteRegisterResendCancelAndScopes() {
        String anna = uniqueEmail();
        String bert = uniqueEmail();
        try (Browser browser = Browser.open(port)) {
            browser.go("/");
            browser.signIn("demo", DEMO_PASSWORD);
            browser.waitForText(By.tagName("h1"), "Users");
            browser.screenshot("admin-01-users");

            // Invite from the Users screen.
            browser.click(By.linkText("Invite user"));
            fillInvitation(browser, anna, "Anna", "Berg");
            browser.click(By.xpath("//label[normalize-space()='Acme Corporation']/input"));
            browser.screenshot("admin-02-invite-form");
            browser.click(By.xpath("//button[normalize-space()='Invite user']"));
            browser.waitForText(By.cssSelector(".flash.success"), "Invitation to " + anna + " is on its way.");
            // Found by the search: the suite's other tests leave many an "Anna Berg" before her on the first page.
            browser.go("/users?q=" + anna);
            assertThat(rowStatus(browser, anna)).isEqualTo("Invited");
            browser.screenshot("admin-03-invited");

            // The invitee registers through the mailed link.
            long annaInvitation = users.findByEmailNormalized(anna).orElseThrow().getCurrentInvitationId();
            executeJob(invitation(annaInvitation).getProcessInstanceId(), "Activity_SendInvitationMail");
            browser.go("/register?token=" + latestToken(anna));
            browser.visible(By.id("password")).sendKeys("Sunny-Day-42");
            browser.visible(By.id("passwordConfirmation")).sendKeys("Sunny-Day-42");
            browser.click(By.cssSelector("button[type='submit']"));
            browser.waitForText(By.tagName("h1"), "Registration complete");

            browser.go("/users?q=" + anna);
            assertThat(rowStatus(browser, anna)).isEqualTo("Invite accepted");
            browser.screenshot("admin-04-invite-accepted");

            // Invite from a client's Users tab: that client is already assigned.
            browser.go("/clients");
            browser.click(By.linkText("Globex GmbH"));
            browser.waitForText(By.tagName("h1"), "Globex GmbH");
            browser.click(By.linkText("Invite user"));
            WebElement globex = browser.visible(By.xpath("//label[normalize-space()='Globex GmbH']/input"));
            assertThat(globex.isSelected()).isTrue();
            fillInvitation(browser, bert, "Bert", "Lang");
            browser.click(By.xpath("//button[normalize-space()='Invite user']"));
            browser.waitForText(By.cssSelector(".flash.success"), "Invitation to " + bert + " is on its way.");
            assertThat(browser.driver().getCurrentUrl()).contains("/clients/");
            assertThat(rowStatus(browser, bert)).isEqualTo("Invited");
            browser.screenshot("admin-05-client-users-tab");

            // Resend and cancel are labelled buttons on an invited row; the rest is in "More".
            assertThat(browser.visible(By.xpath(row(bert) + "//td[contains(@class,'nowrap')][2]")).getText())
                    .matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2}");
            assertThat(browser.pageText()).contains("Times in Europe/Berlin.");
            browser.click(By.xpath(row(bert) + "//button[normalize-space()='Resend']"));
            browser.waitForText(By.cssSelector(".flash.success"), "A new invitation link is on its way to " + bert);
            long bertInvitation = users.findByEmailNormalized(bert).orElseThrow().getCurrentInvitationId();
            assertThat(invitation(bertInvitation).getResendCount()).isEqualTo(1);
            browser.click(By.xpath(row(bert) + "//button[normalize-space()='Cancel invitation']"));
            browser.driver().switchTo().alert().accept();
            browser.waitForText(By.cssSelector(".flash.success"), "The invitation of " + bert + " is cancelled");
            assertThat(rowStatus(browser, bert)).isEqualTo("Invited – invitation cancelled");
            browser.screenshot("admin-06-cancelled");

            // Edit, deactivate, reactivate and delete from the "More" menu.
            browser.go("/users?q=" + anna);
            openMenu(browser, anna);
            browser.click(By.xpath(row(anna) + "//a[normalize-space()='Edit']"));
            WebElement lastName = browser.visible(By.id("lastName"));
            lastName.clear();
            lastName.sendKeys("Berg-Lund");
            browser.click(By.xpath("//button[normalize-space()='Save changes']"));
            browser.waitForText(By.cssSelector(".flash.success"), "Changes to Anna Berg-Lund saved.");
            openMenu(browser, anna);
            browser.click(By.xpath(row(anna) + "//button[normalize-space()='Deactivate']"));
            browser.waitForText(By.cssSelector(".flash.success"), anna + " is deactivated.");
            assertThat(rowStatus(browser, anna)).isEqualTo("Deactivated");
            openMenu(browser, anna);
            browser.click(By.xpath(row(anna) + "//button[normalize-space()='Reactivate']"));
            // The row is read once the page after the action has loaded, not the one being left.
            browser.waitForText(By.cssSelector(".flash.success"), anna + " is active again.");
            assertThat(rowStatus(browser, anna)).isEqualTo("Invite accepted");
            browser.go("/users?q=" + bert);
            openMenu(browser, bert);
            browser.click(By.xpath(row(bert) + "//a[normalize-space()='Delete']"));
            browser.waitForText(By.tagName("h1"), "Delete user?");
            browser.screenshot("admin-07-delete-confirmation");
            browser.click(By.xpath("//button[normalize-space()='Delete user']"));
            browser.waitForText(By.cssSelector(".flash.success"), bert + " is deleted");
            assertThat(users.findByEmailNormalized(bert)).isEmpty();

            // Cockpit opens without a second sign-in.
            browser.go("/camunda/app/cockpit/default/");
            browser.visible(By.cssSelector(".dashboard, [cam-widget-header], .navbar"));
            browser.waitForText(By.tagName("body"), "Processes");
            browser.screenshot("admin-08-cockpit-same-sign-in");

            // A scoped admin of Acme sees Anna (Acme) but not Carla (Globex), not even by address.
            String carla = uniqueEmail();
            browser.go("/clients/" + clients.findByNameIgnoreCase("Globex GmbH").orElseThrow().getId());
            browser.click(By.linkText("Invite user"));
            fillInvitation(browser, carla, "Carla", "Reis");
            browser.click(By.xpath("//button[normalize-space()='Invite user']"));
            browser.waitForText(By.cssSelector(".flash.success"), "Invitation to " + carla);
            String scoped = scopedAdmin(List.of(clients.findByNameIgnoreCase("Acme Corporation").orElseThrow().getId()));
            browser.go("/users");
            browser.click(By.xpath("//button[normalize-space()='Sign out']"));
            browser.waitForText(By.cssSelector(".flash.success"), "You are signed out.");
            browser.go("/users");
            browser.signIn(scoped, "Tulip-Field-7!");
            browser.waitForText(By.tagName("h1"), "Users");
            browser.go("/users?q=" + anna);
            assertThat(rowStatus(browser, anna)).isEqualTo("Invite accepted");
            browser.go("/users?q=" + carla);
            assertThat(browser.pageText()).contains("No users match these filters.");
            browser.screenshot("admin-09-scoped-admin");
            long globexId = clients.findByNameIgnoreCase("Globex GmbH").orElseThrow().getId();
            browser.go("/clients/" + globexId);
            browser.waitForText(By.tagName("h1"), "Not found");
            browser.screenshot("admin-10-scoped-admin-other-client");
            long carlaId = users.findByEmailNormalized(carla).orElseThrow().getId();
            browser.go("/users/" + carlaId + "/edit");
            browser.waitForText(By.tagName("h1"), "Not found");
        }
    }

    private String scopedAdmin(List<Long> clientIds) {
        String id = "scoped" + uniqueEmail().substring(5, 13);
        User user = identity.newUser(id);
        user.setFirstName("Scoped");
        user.setLastName("Admin");
        user.setPassword("Tulip-Field-7!");
        identity.saveUser(user);
        adminScopes.update(id, clientIds, List.of(), AdminScope.global("demo"));
        return id;
    }

    private static void fillInvitation(Browser browser, String email, String firstName, String lastName) {
        browser.visible(By.id("email")).sendKeys(email);
        browser.visible(By.id("firstName")).sendKeys(firstName);
        browser.visible(By.id("lastName")).sendKeys(lastName);
        browser.visible(By.id("personalText")).sendKeys("Welcome, " + firstName + "!");
        new org.openqa.selenium.support.ui.Select(browser.visible(By.id("role"))).selectByValue("STANDARD");
        browser.click(By.xpath("//label[contains(., 'View reports')]/input"));
    }

    private static String row(String email) {
        return "//tr[@data-email='" + email + "']";
    }

    private static void openMenu(Browser browser, String email) {
        browser.click(By.xpath(row(email) + "//summary"));
    }

    private static String rowStatus(Browser browser, String email) {
        return browser.visible(By.xpath(row(email) + "//span[@class='status-label']")).getText();
    }
}
