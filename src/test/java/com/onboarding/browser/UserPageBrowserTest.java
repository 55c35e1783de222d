package com.onboarding.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.admin.selection.process.UserSelectionProcess;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationRequest;
import com.onboarding.support.IntegrationTest;
import com.onboarding.users.UserAccountRepository;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * An admin's questions answered in a real browser: from the Users list to a user's page and its story, an action
 * taken there (it returns to the page, and the story grows), and the audit log filtered down to that user, with its
 * export. Screenshots user-page-* in target/screenshots.
 */
class UserPageBrowserTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAccountRepository users;
    @Autowired
    InvitationCommands invitationCommands;

    @Test
    void fromTheListToTheUsersStory_andTheAuditLog() {
        String email = uniqueEmail();
        try (Browser browser = Browser.open(port)) {
            browser.go("/");
            browser.signIn("demo", DEMO_PASSWORD);
            browser.click(By.linkText("Invite user"));
            browser.visible(By.id("email")).sendKeys(email);
            browser.visible(By.id("firstName")).sendKeys("Tilda");
            browser.visible(By.id("lastName")).sendKeys("Story");
            new Select(browser.visible(By.id("role"))).selectByValue("STANDARD");
            browser.click(By.xpath("//label[normalize-space()='Acme Corporation']/input"));
            browser.click(By.xpath("//button[normalize-space()='Invite user']"));
            browser.waitForText(By.cssSelector(".flash.success"), email);
            long userId = users.findByEmailNormalized(email).orElseThrow().getId();
            executeJob(invitation(users.findById(userId).orElseThrow().getCurrentInvitationId()).getProcessInstanceId(),
                    "Activity_SendInvitationMail");

            // The name in the list leads to the page.
            browser.go("/users?q=" + email);
            browser.click(By.linkText("Tilda Story"));
            browser.waitForText(By.tagName("h1"), "Tilda Story");
            assertThat(events(browser)).satisfiesExactly(
                    mail -> assertThat(mail).isEqualTo("Invitation mail handed to the mail server"),
                    sent -> assertThat(sent).startsWith("Invitation sent by demo"));
            browser.screenshot("user-page-01-invited");

            // Deactivate from the page: back on it, with the deactivation and the cancellation it made on top.
            browser.click(By.xpath("//summary[normalize-space()='More']"));
            browser.click(By.xpath("//button[normalize-space()='Deactivate']"));
            browser.waitForText(By.cssSelector(".flash.success"), email);
            assertThat(browser.driver().getCurrentUrl()).endsWith("/users/" + userId);
            assertThat(browser.pageText()).contains("Deactivated");
            assertThat(events(browser).get(0)).isEqualTo("Deactivated by demo");
            assertThat(events(browser)).anySatisfy(event -> assertThat(event).startsWith("Invitation cancelled by demo"));
            browser.screenshot("user-page-02-deactivated");

            // The audit log, filtered to this user and one action through its form.
            browser.click(By.linkText("Audit log"));
            browser.waitForText(By.tagName("h1"), "Audit log");
            browser.visible(By.name("subject")).sendKeys(email);
            new Select(browser.visible(By.name("action"))).selectByValue("USER_DEACTIVATED");
            browser.click(By.xpath("//button[normalize-space()='Filter']"));
            new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                    .until(ExpectedConditions.urlContains("action=USER_DEACTIVATED"));
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.audit tbody tr"));
            assertThat(rows).hasSize(1);
            assertThat(rows.get(0).getText()).contains("demo").contains("Deactivated").contains(email);
            String auditExport = browser.driver().findElement(By.linkText("Export these entries (CSV)"))
                    .getAttribute("href");
            assertThat(auditExport).contains("/audit/export.csv?subject=").contains("action=USER_DEACTIVATED");
            // The file the link downloads, fetched by the page with the admin's session.
            assertThat(download(browser, auditExport)).startsWith("When,Who,action,What,About")
                    .contains("USER_DEACTIVATED,Deactivated," + email).hasLineCount(2);
            browser.screenshot("user-page-03-audit-filtered");

            // The list's export, filtered to this user.
            browser.go("/users?q=" + email);
            String usersExport = browser.driver().findElement(By.linkText("Export the list (CSV)")).getAttribute("href");
            assertThat(download(browser, usersExport)).startsWith("id,First name,Last name,Email")
                    .contains("Tilda,Story," + email).hasLineCount(2);
            browser.go("/audit?subject=" + email + "&action=USER_DEACTIVATED");

            // The subject leads back to the user's page.
            browser.click(By.linkText(email));
            browser.waitForText(By.tagName("h1"), "Tilda Story");
        }
    }

    @Test
    void selectRowsAndActOnAllOfThem_withAConfirmationAndAResultPerUser() {
        String marker = "pick" + uniqueEmail().substring(5, 11);
        long first = invite(marker + "-a@example.com");
        invite(marker + "-b@example.com");
        long third = invite(marker + "-c@example.com");
        try (Browser browser = Browser.open(port)) {
            browser.go("/");
            browser.signIn("demo", DEMO_PASSWORD);
            browser.go("/users?q=" + marker + "&sort=email");
            browser.click(By.cssSelector("input[data-select-page]"));
            browser.waitForText(By.cssSelector(".selection-count"), "3 selected.");
            browser.click(By.cssSelector("input[name='userId'][value='" + third + "']"));
            browser.waitForText(By.cssSelector(".selection-count"), "2 selected.");
            assertThat(browser.driver().findElement(By.cssSelector("input[data-select-page]")).isSelected())
                    .as("the page's box no longer says every row").isFalse();
            browser.screenshot("selection-01-two-selected");
            problems(browser, "list with a selection");

            browser.click(By.xpath("//form[@id='selection']//button[normalize-space()='Deactivate']"));
            browser.waitForText(By.tagName("h1"), "Deactivate 2 users?");
            assertThat(browser.pageText()).contains(marker + "-a@example.com").contains(marker + "-b@example.com")
                    .doesNotContain(marker + "-c@example.com");
            problems(browser, "confirmation");
            browser.screenshot("selection-02-confirm");
            browser.click(By.xpath("//button[normalize-space()='Yes, deactivate']"));
            browser.waitForText(By.tagName("h1"), "Deactivate: 2 users");

            runDueJobs(UserSelectionProcess.KEY);
            browser.driver().navigate().refresh();
            browser.waitForText(By.cssSelector("main"), "2 done, 0 refused");
            problems(browser, "selection's results");
            browser.screenshot("selection-03-done");
            String results = browser.driver().getCurrentUrl();
            browser.go(results.substring(results.indexOf("/users/")) + "?lang=de");
            browser.waitForText(By.tagName("h1"), "Deaktivieren: 2 Benutzer");
            problems(browser, "selection's results in German");
            browser.go(results.substring(results.indexOf("/users/")) + "?lang=en");
            browser.click(By.partialLinkText(marker + "-a@example.com"));
            browser.waitForText(By.tagName("h1"), "Tilda Pick");
            assertThat(browser.pageText()).contains("Deactivated");
        }
        assertThat(users.findById(first).orElseThrow().getStatus().name()).isEqualTo("DEACTIVATED");
        assertThat(users.findById(third).orElseThrow().getStatus().name()).isNotEqualTo("DEACTIVATED");
    }

    private long invite(String email) {
        InvitationRequest valid = validRequest();
        return invitationCommands.invite(new InvitationRequest(email, "Tilda", "Pick", valid.language(),
                valid.personalText(), valid.roleCode(), valid.permissionCodes(), valid.clientIds(), valid.invitedBy()))
                .userId();
    }

    private static void problems(Browser browser, String where) {
        for (int width : new int[] {1280, 375}) {
            browser.width(width);
            assertThat(browser.accessibilityProblems()).as(where + " at " + width + " px").isEmpty();
            assertThat(browser.sidewaysOverflow()).as(where + " scrolls sideways at " + width + " px").isEmpty();
        }
        browser.width(1280);
    }

    /**
     * A file as the browser downloads it, fetched by the page itself with the signed-in admin's session: its text,
     * after a check that it starts with UTF-8's byte order mark (which decoding drops).
     */
    private static String download(Browser browser, String href) {
        String answer = (String) ((JavascriptExecutor) browser.driver()).executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "fetch(arguments[0], {credentials: 'same-origin'}).then(r => r.arrayBuffer()).then(b => "
                        + "done(Array.from(new Uint8Array(b).slice(0, 3)).join(',') + '|' + new TextDecoder().decode(b)));",
                href);
        assertThat(answer).as("a byte order mark for spreadsheets").startsWith("239,187,191|");
        return answer.substring(answer.indexOf('|') + 1);
    }

    /** The timeline's entries as their visible text, on one line each. */
    private static List<String> events(Browser browser) {
        return browser.driver().findElements(By.cssSelector("ol.timeline li > div")).stream()
                .map(entry -> entry.getText().replaceAll("\\s*\\n\\s*", " ").trim()).toList();
    }
}
