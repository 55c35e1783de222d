package com.onboarding.passkeys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onboarding.admin.AdminTestSupport;
import com.onboarding.users.UserStatus;
import java.time.Instant;
import java.util.Set;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.ImmutableCredentialRecord;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCose;
import org.springframework.security.web.webauthn.api.ImmutablePublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialType;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The passkeys' rules on the server (PasskeyBrowserTest makes real ones in Chromium): a password may stay empty only
 * with a passkey; the registration page's passkey needs a working link; nobody deletes another person's passkey, not
 * even through Spring Security's own endpoint; a user without a password keeps their last passkey.
 */
class PasskeysTest extends AdminTestSupport {

    @Autowired
    JdbcPublicKeyCredentialUserEntityRepository userEntities;
    @Autowired
    JdbcUserCredentialRepository credentials;

    @Test
    void anEmptyPasswordIsRefused_withoutAPasskey() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        mailInvitation(userId);
        mvc.perform(postRegistration(latestToken(email), "")).andExpect(status().isBadRequest())
                .andExpect(content().string(Matchers.containsString("at least 8")));
        assertThat(users.findById(userId).orElseThrow().getStatus()).isEqualTo(UserStatus.INVITED);
    }

    @Test
    void withAPasskey_thePasswordMayStayEmpty_andTheLastPasskeyOfAUserWithoutPasswordStays() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        mailInvitation(userId);
        Bytes credential = storedPasskey(email);

        mvc.perform(postRegistration(latestToken(email), "")).andExpect(status().is3xxRedirection());
        var user = users.findById(userId).orElseThrow();
        assertThat(user.getStatus()).isEqualTo(UserStatus.ACTIVE);
        assertThat(user.getPasswordHash()).isNull();

        mvc.perform(MockMvcRequestBuilders.post("/account/passkeys/" + credential.toBase64UrlString() + "/delete")
                        .with(user(email).roles("USER")).with(csrf()))
                .andExpect(status().is3xxRedirection()).andExpect(flash().attribute("passkeyKept", true));
        assertThat(credentials.findByCredentialId(credential)).isNotNull();
    }

    @Test
    void aPasskeyMadeWithALinkThatDiedSince_countsForNothing_andGoesWhenTheInviteeRegisters() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        mailInvitation(userId);
        // Someone who held the first link made a passkey; the admin resent the invitation (the first link died).
        Bytes stale = storedPasskey(email);
        clock.advance(java.time.Duration.ofMinutes(1));
        asDemo(MockMvcRequestBuilders.post("/api/users/" + userId + "/resend-invitation")).andExpect(status().isOk());
        executeJob(invitation(invitationIdOf(userId)).getProcessInstanceId(), "Activity_SendInvitationMail");
        String token = latestToken(email);

        mvc.perform(postRegistration(token, "")).andExpect(status().isBadRequest());
        mvc.perform(postRegistration(token, "Tulip-Field-7!"))
                .andExpect(status().is3xxRedirection());
        assertThat(users.findById(userId).orElseThrow().getStatus()).isEqualTo(UserStatus.ACTIVE);
        assertThat(credentials.findByCredentialId(stale)).as("the stale passkey signs nobody in").isNull();
    }

    @Test
    void nobodyRemovesAnotherPersonsPasskey_notEvenThroughSpringSecuritysEndpoint() throws Exception {
        String owner = uniqueEmail();
        invite(owner, acme());
        Bytes credential = storedPasskey(owner);
        String intruder = uniqueEmail();
        invite(intruder, acme());

        mvc.perform(MockMvcRequestBuilders.delete("/webauthn/register/" + credential.toBase64UrlString())
                .with(user(intruder).roles("USER")).with(csrf())).andExpect(status().isForbidden());
        mvc.perform(MockMvcRequestBuilders.post("/account/passkeys/" + credential.toBase64UrlString() + "/delete")
                .with(user(intruder).roles("USER")).with(csrf())).andExpect(status().isNotFound());
        assertThat(credentials.findByCredentialId(credential)).isNotNull();
    }

    @Test
    void theRegistrationPagesPasskeyNeedsAWorkingLink() throws Exception {
        mvc.perform(MockMvcRequestBuilders.post("/register/passkey/options").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"" + "A".repeat(43) + "\"}"))
                .andExpect(status().isNotFound());
        String email = uniqueEmail();
        long userId = invite(email, acme());
        mailInvitation(userId);
        mvc.perform(MockMvcRequestBuilders.post("/register/passkey/options").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"" + latestToken(email) + "\"}"))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("\"name\":\"" + email + "\"")))
                .andExpect(content().string(Matchers.containsString("\"rp\":{\"name\":\"Onboarding\",\"id\":\"localhost\"}")));
        mvc.perform(MockMvcRequestBuilders.post("/register/passkey").with(csrf())
                        .contentType(MediaType.APPLICATION_JSON).content("{\"token\":\"" + latestToken(email) + "\"}"))
                .andExpect(status().isBadRequest());
    }

    /** A passkey as Spring Security stores one (its key is never checked here: no sign-in with it). */
    private Bytes storedPasskey(String email) {
        Bytes userId = Bytes.random();
        userEntities.save(ImmutablePublicKeyCredentialUserEntity.builder().id(userId).name(email).displayName(email)
                .build());
        Bytes credentialId = Bytes.random();
        credentials.save(ImmutableCredentialRecord.builder().credentialId(credentialId).userEntityUserId(userId)
                .credentialType(PublicKeyCredentialType.PUBLIC_KEY).publicKey(new ImmutablePublicKeyCose(new byte[] {1, 2, 3}))
                .signatureCount(0).uvInitialized(true).transports(Set.of()).backupEligible(false).backupState(false)
                .created(Instant.now()).lastUsed(Instant.now()).label("Test key").build());
        return credentialId;
    }

}
