package com.onboarding.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.admin.users.UserAccountActions;
import com.onboarding.admin.users.UserDirectory;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.scopes.AdminScope;
import com.onboarding.support.IntegrationTest;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserStatus;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.virtualauthenticator.HasVirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticator;
import org.openqa.selenium.virtualauthenticator.VirtualAuthenticatorOptions;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Passkeys (issue 23) in real Chromium with its virtual authenticator (DevTools WebAuthn): the invitee makes a
 * passkey on the registration page and registers without a password; signs in with the passkey; adds and removes
 * one on the account page; the admin's row says "passkey"; deleting the user deletes their passkeys.
 */
class PasskeyBrowserTest extends IntegrationTest {

    @LocalServerPort
    int port;
    @Autowired
    InvitationCommands commands;
    @Autowired
    UserAccountRepository users;
    @Autowired
    UserDirectory directory;
    @Autowired
    UserAccountActions accounts;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void registerWithAPasskeyInsteadOfAPassword_signInWithIt_manageThem() {
        var request = validRequest();
        long invitationId = commands.invite(request).invitationId();
        executeJob(processOf(invitationId).getId(), "Activity_SendInvitationMail");
        String token = latestToken(request.email());

        try (Browser browser = Browser.open(port)) {
            VirtualAuthenticator authenticator = ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(
                    new VirtualAuthenticatorOptions().setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                            .setTransport(VirtualAuthenticatorOptions.Transport.INTERNAL).setHasResidentKey(true)
                            .setHasUserVerification(true).setIsUserVerified(true).setIsUserConsenting(true));
            browser.go("/register?token=" + token);
            browser.click(By.xpath("//button[normalize-space()='Create a passkey']"));
            browser.waitForText(By.id("passkey-done"), "Passkey created");
            assertThat(authenticator.getCredentials()).hasSize(1);
            browser.screenshot("passkey-01-created-on-registration");
            browser.click(By.xpath("//button[normalize-space()='Complete registration']"));
            browser.waitForText(By.tagName("h1"), "Registration complete");
            UserAccount user = users.findByEmailNormalized(request.email()).orElseThrow();
            assertThat(user.getStatus()).isEqualTo(UserStatus.ACTIVE);
            assertThat(user.getPasswordHash()).as("no password: the passkey instead").isNull();
            assertThat(directory.row(user.getId(), AdminScope.global("demo")).passkey()).isTrue();

            browser.go("/login");
            browser.click(By.xpath("//button[normalize-space()='Sign in with a passkey']"));
            browser.waitForText(By.tagName("h1"), "Your account");
            assertThat(browser.pageText()).contains("Passkeys").contains("You sign in with a passkey");
            browser.screenshot("passkey-02-signed-in-with-passkey");

            browser.visible(By.id("passkeyLabel")).sendKeys("Work laptop");
            // A second authenticator for the second passkey (an authenticator holds one per person and site).
            ((HasVirtualAuthenticator) browser.driver()).removeVirtualAuthenticator(authenticator);
            ((HasVirtualAuthenticator) browser.driver()).addVirtualAuthenticator(new VirtualAuthenticatorOptions()
                    .setProtocol(VirtualAuthenticatorOptions.Protocol.CTAP2)
                    .setTransport(VirtualAuthenticatorOptions.Transport.USB).setHasResidentKey(true)
                    .setHasUserVerification(true).setIsUserVerified(true));
            browser.click(By.xpath("//button[normalize-space()='Add a passkey']"));
            browser.waitForText(By.cssSelector("ul.passkeys"), "Work laptop");
            browser.screenshot("passkey-03-two-passkeys");
            browser.click(By.xpath("//button[@aria-label='Remove passkey Work laptop']"));
            browser.waitForText(By.cssSelector(".flash.success"), "Passkey removed.");
            assertThat(browser.pageText()).doesNotContain("Work laptop");
        }

        long userId = users.findByEmailNormalized(request.email()).orElseThrow().getId();
        accounts.delete(userId, AdminScope.global("demo"));
        assertThat(jdbc.queryForObject("select count(*) from user_entities where name = ?", Long.class,
                request.email())).isZero();
    }
}
