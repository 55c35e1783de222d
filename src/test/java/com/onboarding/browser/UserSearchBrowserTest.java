package com.onboarding.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationRequest;
import com.onboarding.support.IntegrationTest;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The Users screen's search as you type: the list follows the field, which keeps its focus, without a page load. */
class UserSearchBrowserTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    InvitationCommands commands;

    @Test
    void theListFollowsTheSearchField_asYouType() {
        String marker = "qx" + uniqueEmail().substring(5, 11);
        for (String name : List.of("Olga", "Otto")) {
            commands.invite(new InvitationRequest(marker + "-" + name.toLowerCase() + "@example.com", name, "Sommer",
                    "en", null, "STANDARD", List.of(), List.of(clients.findByNameIgnoreCase("Acme Corporation").orElseThrow().getId()), "demo"));
        }
        try (Browser browser = Browser.open(port)) {
            browser.go("/");
            browser.signIn("demo", DEMO_PASSWORD);
            browser.waitForText(By.tagName("h1"), "Users");
            JavascriptExecutor page = (JavascriptExecutor) browser.driver();
            page.executeScript("window.stillThisPage = true;");
            WebElement search = browser.visible(By.cssSelector("form.filters input[type='search']"));
            assertThat(browser.driver().findElements(By.cssSelector("form.filters button[type='submit']")))
                    .allSatisfy(button -> assertThat(button.isDisplayed()).isFalse());

            search.sendKeys(marker);
            waitForRows(browser, 2);
            search.sendKeys("-ol");
            waitForRows(browser, 1);
            assertThat(rowEmails(browser)).containsExactly(marker + "-olga@example.com");
            browser.waitForText(By.cssSelector("form.filters [role='status']"), "1 user");
            browser.screenshot("search-01-as-you-type");

            assertThat(page.executeScript("return window.stillThisPage === true;")).as("no page load").isEqualTo(true);
            assertThat(browser.driver().switchTo().activeElement()).as("the field keeps the focus").isEqualTo(search);
            assertThat(browser.driver().getCurrentUrl()).contains("q=" + marker + "-ol");
            assertThat(browser.visible(By.linkText("Export the list (CSV)")).getAttribute("href"))
                    .as("the export follows the search").contains("q=" + marker + "-ol");
            assertThat(browser.accessibilityProblems()).isEmpty();

            search.sendKeys("zzz");
            browser.waitForText(By.cssSelector(".empty-state"), "No users match these filters.");
            browser.waitForText(By.cssSelector("form.filters [role='status']"), "No users match these filters.");
        }
    }

    private static void waitForRows(Browser browser, int count) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(10))
                .until(driver -> rowEmails(browser).size() == count);
    }

    /** Read in one script: the rows may be replaced while a search is still arriving. */
    @SuppressWarnings("unchecked")
    private static List<String> rowEmails(Browser browser) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("return Array.from(document"
                + ".querySelectorAll('table.users tbody tr')).map(row => row.getAttribute('data-email'));");
    }
}
