package com.onboarding.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onboarding.support.IntegrationTest;
import com.onboarding.support.WebhookReceiver;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserStatus;
import com.onboarding.scopes.AdminScope;
import com.onboarding.webhooks.WebhookDeliveryProcess;
import com.onboarding.webhooks.WebhookEndpoints;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 23 clicked through in a real browser: a global admin gives a client a landing page and terms, adds a webhook
 * endpoint (its secret shown once), invites with a validity of 7 days; the invitee must accept the terms, registers,
 * and is offered the client's landing page; the endpoint's log shows the signed events delivered to a real receiver.
 */
class RegistrationExtrasBrowserTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    UserAccountRepository users;
    @Autowired
    ObjectMapper json;
    @Autowired
    WebhookEndpoints webhooks;

    @Test
    void landingPageTermsValidityAndWebhooks() throws Exception {
        String clientName = "Browser " + UUID.randomUUID().toString().substring(0, 6);
        String email = uniqueEmail();
        try (Browser browser = Browser.open(port); WebhookReceiver receiver = new WebhookReceiver(json)) {
            receiver.answer.set(200);
            browser.go("/clients/new");
            browser.signIn("demo", DEMO_PASSWORD);
            browser.visible(By.id("name")).sendKeys(clientName);
            browser.visible(By.id("landingUrl")).sendKeys("http://portal.example.com/start");
            browser.click(By.xpath("//button[normalize-space()='Save']"));
            browser.waitForText(By.cssSelector(".error"), "Enter a full address starting with https://");
            browser.visible(By.id("landingUrl")).clear();
            browser.visible(By.id("landingUrl")).sendKeys("https://portal.example.com/start");
            browser.click(By.xpath("//button[normalize-space()='Save']"));
            browser.waitForText(By.tagName("body"), "Landing page: https://portal.example.com/start");

            browser.click(By.linkText("Terms"));
            browser.visible(By.id("textEn")).sendKeys("Keep our data safe.");
            browser.visible(By.id("textDe")).sendKeys("Schützen Sie unsere Daten.");
            browser.click(By.xpath("//button[normalize-space()='Publish new version']"));
            browser.waitForText(By.cssSelector(".flash.success"), "Version 1 published.");
            browser.screenshot("extras-01-client-terms");

            browser.go("/webhooks/new");
            browser.visible(By.id("url")).sendKeys(receiver.url());
            browser.visible(By.id("description")).sendKeys("CRM (browser)");
            browser.click(By.xpath("//label[contains(., 'invitation.created')]/input"));
            browser.click(By.xpath("//label[contains(., 'invitation.accepted')]/input"));
            browser.click(By.xpath("//button[normalize-space()='Save']"));
            String secret = browser.visible(By.id("secret")).getAttribute("value");
            assertThat(secret).startsWith("whsec_");
            receiver.secrets.put("shown", secret);
            String endpointPage = browser.driver().getCurrentUrl();
            browser.screenshot("extras-02-webhook-secret-once");
            browser.go(endpointPage.substring(endpointPage.indexOf("/webhooks")));
            assertThat(browser.pageText()).doesNotContain(secret);

            // Invite from the client's Users tab, the link valid for 7 days.
            browser.go("/clients");
            browser.click(By.linkText(clientName));
            browser.click(By.linkText("Invite user"));
            browser.visible(By.id("email")).sendKeys(email);
            browser.visible(By.id("firstName")).sendKeys("Lena");
            browser.visible(By.id("lastName")).sendKeys("Weg");
            browser.visible(By.id("linkValidityDays")).sendKeys("7");
            new org.openqa.selenium.support.ui.Select(browser.visible(By.id("role"))).selectByValue("STANDARD");
            browser.screenshot("extras-03-invite-with-validity");
            browser.click(By.xpath("//button[normalize-space()='Invite user']"));
            browser.waitForText(By.cssSelector(".flash.success"), "is on its way");
            UserAccount invited = users.findByEmailNormalized(email).orElseThrow();
            var invitation = invitation(invited.getCurrentInvitationId());
            assertThat(invitation.getLinkValidityDays()).isEqualTo(7);
            assertThat(Duration.between(invitation.getCreatedAt(), invitation.getExpiresAt())).isEqualTo(Duration.ofDays(7));
            executeJob(invitation.getProcessInstanceId(), "Activity_SendInvitationMail");

            // The invitee: the terms first, then the way on to the client's application.
            browser.click(By.xpath("//button[normalize-space()='Sign out']"));
            // The sign-out's own page first: a navigation started before it arrives can be overtaken by it.
            browser.waitForText(By.cssSelector(".flash.success"), "You are signed out.");
            browser.go("/register?token=" + latestToken(email));
            assertThat(browser.pageText()).contains("Keep our data safe.");
            browser.visible(By.id("password")).sendKeys("Sunny-Day-42");
            browser.visible(By.id("passwordConfirmation")).sendKeys("Sunny-Day-42");
            browser.click(By.xpath("//button[normalize-space()='Complete registration']"));
            browser.waitForText(By.id("acceptedTerms-error"), "Accept the terms of " + clientName + " (version 1)");
            browser.screenshot("extras-04-terms-not-accepted");
            assertThat(users.findByEmailNormalized(email).orElseThrow().getStatus()).isEqualTo(UserStatus.INVITED);
            browser.visible(By.id("password")).sendKeys("Sunny-Day-42");
            browser.visible(By.id("passwordConfirmation")).sendKeys("Sunny-Day-42");
            browser.click(By.xpath("//label[contains(., 'I accept the terms of " + clientName + "')]/input"));
            browser.click(By.xpath("//button[normalize-space()='Complete registration']"));
            browser.waitForText(By.tagName("h1"), "Registration complete");
            assertThat(browser.visible(By.linkText("Continue to " + clientName)).getAttribute("href"))
                    .isEqualTo("https://portal.example.com/start");
            browser.screenshot("extras-05-continue-to-client");

            // The webhook's log: both events delivered, signed with the secret the admin saw once.
            runDueJobs(WebhookDeliveryProcess.KEY);
            assertThat(receiver.badSignatures).isEmpty();
            assertThat(receiver.typesOf("userId", invited.getId()))
                    .containsExactly("invitation.created", "invitation.accepted");
            browser.go("/login");
            browser.signIn("demo", DEMO_PASSWORD);
            browser.go(endpointPage.substring(endpointPage.indexOf("/webhooks")));
            assertThat(browser.pageText()).contains("invitation.accepted").contains("delivered");
            browser.screenshot("extras-06-webhook-log");
        } finally {
            // Later tests' events are not for this endpoint.
            webhooks.list(AdminScope.global("demo")).stream().filter(o -> o.endpoint().getDescription() != null
                    && o.endpoint().getDescription().equals("CRM (browser)")).forEach(o -> webhooks.delete(o.endpoint().getId(),
                    AdminScope.global("demo")));
        }
    }
}
