package com.onboarding.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onboarding.admin.AdminTestSupport;
import com.onboarding.users.UserStatus;
import java.util.Map;
import java.util.UUID;
import com.onboarding.support.OpenIdProvider;
import com.onboarding.support.OpenIdProvider.Account;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;

/**
 * The company's identity provider (issue 23) in real Chromium: the invitee registers with the provider's button (the
 * page that continues to the provider, under the pages' content security policy), comes back registered, and later
 * signs in from the sign-in page by their address's domain. The provider is mock-oauth2-server.
 */
class CompanyProviderBrowserTest extends AdminTestSupport {

    @RegisterExtension
    static final OpenIdProvider provider = new OpenIdProvider();

    @LocalServerPort
    int port;

    @Test
    void registerWithTheCompanyAccount_thenSignInThroughIt() throws Exception {
        String clientName = "Initech " + UUID.randomUUID().toString().substring(0, 6);
        long client = json.readTree(asDemo(post("/api/clients", Map.of("name", clientName)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString()).get("id").asLong();
        String domain = "initech-" + client + ".example";
        asDemo(put("/api/clients/" + client + "/identity-provider").contentType(MediaType.APPLICATION_JSON)
                .content(json.writeValueAsString(Map.of("issuer", provider.issuer("initech"),
                        "clientId", "onboarding", "clientSecret", "initech-secret", "emailDomain", domain))))
                .andExpect(status().isOk());
        String email = "peter@" + domain;
        long userId = invite(email, client);
        mailInvitation(userId);
        String token = latestToken(email);

        try (Browser browser = Browser.open(port)) {
            browser.go("/register?token=" + token);
            browser.visible(By.id("lastName")).clear();
            browser.visible(By.id("lastName")).sendKeys("Gibbons");
            browser.screenshot("provider-01-registration-page");
            assertThat(browser.accessibilityProblems()).isEmpty();
            provider.nextSignIn("initech", new Account("peter-at-initech", email, true));
            browser.click(By.xpath("//button[normalize-space()='Register with your " + clientName + " account']"));
            browser.waitForText(By.tagName("h1"), "Registration complete");
            assertThat(browser.pageText()).contains("From now on, you sign in with your " + clientName + " account.")
                    .doesNotContain("password or passkey");
            browser.screenshot("provider-02-registered");
            assertThat(users.findById(userId).orElseThrow().getStatus()).isEqualTo(UserStatus.ACTIVE);
            assertThat(users.findById(userId).orElseThrow().getLastName()).isEqualTo("Gibbons");

            browser.go("/login");
            assertThat(browser.accessibilityProblems()).isEmpty();
            browser.visible(By.id("provider-email")).sendKeys("anyone@" + domain);
            provider.nextSignIn("initech", new Account("peter-at-initech", email, true));
            browser.click(By.xpath("//button[normalize-space()=\"Continue with my company's account\"]"));
            browser.waitForText(By.tagName("h1"), "Your account");
            assertThat(browser.pageText()).contains(email)
                    .contains("You sign in with your company's account; you have no password here.");
            browser.screenshot("provider-03-signed-in-through-the-provider");
        }
        try (Browser admin = Browser.open(port)) {
            admin.go("/clients/" + client + "/sign-in");
            admin.signIn("demo", DEMO_PASSWORD);
            admin.waitForText(By.tagName("h1"), clientName);
            assertThat(admin.pageText()).contains("Redirect URI to register at the provider").contains(domain);
            assertThat(admin.accessibilityProblems()).isEmpty();
            admin.screenshot("provider-04-admin-sign-in-tab");
        }
    }
}
