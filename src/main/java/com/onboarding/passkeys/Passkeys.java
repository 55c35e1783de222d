package com.onboarding.passkeys;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.namedparam.NamedParameterJdbcTemplate;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.web.webauthn.api.Bytes;
import org.springframework.security.web.webauthn.api.CredentialRecord;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialUserEntity;
import org.springframework.security.web.webauthn.management.ImmutablePublicKeyCredentialCreationOptionsRequest;
import org.springframework.security.web.webauthn.management.ImmutableRelyingPartyRegistrationRequest;
import org.springframework.security.web.webauthn.management.JdbcPublicKeyCredentialUserEntityRepository;
import org.springframework.security.web.webauthn.management.JdbcUserCredentialRepository;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.security.web.webauthn.management.Webauthn4JRelyingPartyOperations;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A registered user's passkeys: made on the registration page (instead of or beside a password) or on the account
 * page, used to sign in, listed and removed by their owner; admins see whether a user has one. A passkey belongs to
 * the user's email address (the WebAuthn user entity's name), and goes when the user is deleted.
 */
@Service
public class Passkeys {

    /** One passkey as its owner sees it; {@code id} is the credential id, base64url. */
    public record Passkey(String id, String label, Instant created, Instant lastUsed) {
    }

    private final JdbcPublicKeyCredentialUserEntityRepository userEntities;
    private final JdbcUserCredentialRepository credentials;
    private final Webauthn4JRelyingPartyOperations relyingParty;
    private final NamedParameterJdbcTemplate jdbc;
    private final UserAccountRepository users;
    private final AuditLog audit;

    Passkeys(JdbcPublicKeyCredentialUserEntityRepository userEntities, JdbcUserCredentialRepository credentials,
            Webauthn4JRelyingPartyOperations relyingParty, NamedParameterJdbcTemplate jdbc,
            UserAccountRepository users, AuditLog audit) {
        this.userEntities = userEntities;
        this.credentials = credentials;
        this.relyingParty = relyingParty;
        this.jdbc = jdbc;
        this.users = users;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public List<Passkey> of(String email) {
        PublicKeyCredentialUserEntity entity = userEntities.findByUsername(email);
        if (entity == null) {
            return List.of();
        }
        return credentials.findByUserId(entity.getId()).stream()
                .sorted(Comparator.comparing(CredentialRecord::getCreated))
                .map(record -> new Passkey(record.getCredentialId().toBase64UrlString(), record.getLabel(),
                        record.getCreated(), record.getLastUsed()))
                .toList();
    }

    /** Which of these addresses have at least one passkey (one query, for a page of the user list). */
    @Transactional(readOnly = true)
    public Set<String> withPasskey(Collection<String> emails) {
        if (emails.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.queryForList("select e.name from user_entities e where e.name in (:emails)"
                + " and exists (select 1 from user_credentials c where c.user_entity_user_id = e.id)",
                java.util.Map.of("emails", emails), String.class));
    }

    /** What the browser needs to make a passkey for this address (its existing passkeys excluded). */
    @Transactional
    public PublicKeyCredentialCreationOptions creationOptions(String email) {
        return relyingParty.createPublicKeyCredentialCreationOptions(new ImmutablePublicKeyCredentialCreationOptionsRequest(
                UsernamePasswordAuthenticationToken.authenticated(email, null, List.of())));
    }

    /** Verifies the browser's new passkey against the options it was made for, and keeps it. */
    @Transactional
    public void register(String email, PublicKeyCredentialCreationOptions options, RelyingPartyPublicKey key) {
        if (!email.equals(options.getUser().getName())) {
            throw new IllegalArgumentException("These options were made for another person.");
        }
        relyingParty.registerCredential(new ImmutableRelyingPartyRegistrationRequest(options, key));
        users.findByEmailNormalized(UserAccount.normalizeEmail(email)).ifPresent(user -> audit.record(email,
                AuditAction.PASSKEY_ADDED, user.getId(), "passkey \"" + key.getLabel() + "\""));
    }

    /** Removes one of the owner's passkeys; another person's is "not found", as if it did not exist. */
    @Transactional
    public boolean remove(String email, String credentialId) {
        PublicKeyCredentialUserEntity entity = userEntities.findByUsername(email);
        Bytes id;
        try {
            id = Bytes.fromBase64(credentialId);
        } catch (IllegalArgumentException e) {
            return false;
        }
        CredentialRecord record = credentials.findByCredentialId(id);
        if (entity == null || record == null || !record.getUserEntityUserId().equals(entity.getId())) {
            return false;
        }
        UserAccount owner = users.findByEmailNormalized(UserAccount.normalizeEmail(email)).orElse(null);
        if (owner != null && owner.getPasswordHash() == null && !owner.isRegisteredWithProvider()
                && credentials.findByUserId(entity.getId()).size() == 1) {
            throw new LastPasskeyException();
        }
        credentials.delete(id);
        if (owner != null) {
            audit.record(email, AuditAction.PASSKEY_REMOVED, owner.getId(), "passkey \"" + record.getLabel() + "\"");
        }
        return true;
    }

    /** Whether the address has a passkey made at or after this instant (with the link mailed then). */
    @Transactional(readOnly = true)
    public boolean madeSince(String email, Instant since) {
        return of(email).stream().anyMatch(passkey -> !passkey.created().isBefore(since));
    }

    /**
     * Passkeys of an invitee made with a link that has died since (cancelled, resent, replaced by a reminder's): whoever
     * held that link made them, so they go before the invitee registers with the link that works now.
     */
    @Transactional
    public void forgetMadeBefore(String email, Instant since) {
        PublicKeyCredentialUserEntity entity = userEntities.findByUsername(email);
        if (entity != null) {
            credentials.findByUserId(entity.getId()).stream()
                    .filter(record -> since == null || record.getCreated().isBefore(since))
                    .forEach(record -> credentials.delete(record.getCredentialId()));
        }
    }

    /** "Delete user": their WebAuthn identity goes, and their passkeys with it (on delete cascade, V15). */
    @Transactional
    public void forget(String email) {
        PublicKeyCredentialUserEntity entity = userEntities.findByUsername(email);
        if (entity != null) {
            userEntities.delete(entity.getId());
        }
    }
}
