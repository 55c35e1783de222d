package com.onboarding.registration;

import com.onboarding.passkeys.Passkeys;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A passkey made on the registration page, while the link admits the invitee. */
@Service
class RegistrationPasskeys {

    private final InvitationLinks links;
    private final Passkeys passkeys;

    RegistrationPasskeys(InvitationLinks links, Passkeys passkeys) {
        this.links = links;
        this.passkeys = passkeys;
    }

    /** What the invitee's browser needs to make a passkey. */
    @Transactional
    public PublicKeyCredentialCreationOptions options(String token) {
        return passkeys.creationOptions(links.usable(token, false).getUser().getEmail());
    }

    /** Keeps the invitee's new passkey, checked against the options made for them. */
    @Transactional
    public void add(String token, PublicKeyCredentialCreationOptions options, RelyingPartyPublicKey key) {
        passkeys.register(links.usable(token, true).getUser().getEmail(), options, key);
    }
}
