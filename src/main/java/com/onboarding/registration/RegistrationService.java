package com.onboarding.registration;

import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.RejectedRequestException;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.clients.Client;
import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationMails;
import com.onboarding.invitation.InvitationRepository;
import com.onboarding.links.OneTimeLinks;
import com.onboarding.passkeys.Passkeys;
import com.onboarding.providers.IdentityProviders;
import com.onboarding.providers.ProviderChoice;
import com.onboarding.providers.ProviderIdentities;
import com.onboarding.providers.VerifiedIdentity;
import com.onboarding.security.NewPasswordRules;
import com.onboarding.terms.ClientTerms;
import com.onboarding.terms.Terms;
import com.onboarding.users.Language;
import com.onboarding.users.Permission;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserDataRules;
import java.util.ArrayList;
import java.util.Comparator;
import com.onboarding.clients.Landing;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.security.web.webauthn.api.PublicKeyCredentialCreationOptions;
import org.springframework.security.web.webauthn.management.RelyingPartyPublicKey;
import org.springframework.transaction.annotation.Transactional;

/** The invitee's side: open the link, check the data, choose a password, complete the registration task. */
@Service
public class RegistrationService {

    private final InvitationRepository invitations;
    private final OneTimeLinks links;
    private final UserDataRules userDataRules;
    private final NewPasswordRules newPasswords;
    private final PasswordEncoder passwordEncoder;
    private final InvitationCommands invitationCommands;
    private final AuditLog audit;
    private final MessageSource messages;
    private final InvitationMails mails;
    private final Terms terms;
    private final Passkeys passkeys;
    private final IdentityProviders providers;
    private final ProviderIdentities identities;

    public RegistrationService(InvitationRepository invitations, OneTimeLinks links, UserDataRules userDataRules,
            NewPasswordRules newPasswords, PasswordEncoder passwordEncoder, InvitationCommands invitationCommands, AuditLog audit,
            MessageSource messages, InvitationMails mails, Terms terms, Passkeys passkeys,
            IdentityProviders providers, ProviderIdentities identities) {
        this.invitations = invitations;
        this.links = links;
        this.userDataRules = userDataRules;
        this.newPasswords = newPasswords;
        this.passwordEncoder = passwordEncoder;
        this.invitationCommands = invitationCommands;
        this.audit = audit;
        this.messages = messages;
        this.mails = mails;
        this.terms = terms;
        this.passkeys = passkeys;
        this.providers = providers;
        this.identities = identities;
    }

    /** The invitee's current data, if the link admits them right now. */
    @Transactional(readOnly = true)
    public UserAccount open(String token) {
        return usableInvitation(token, false).getUser();
    }

    /**
     * What the registration page tells the invitee before the form: who invited them, with which personal text, to
     * which clients, with which role and permissions (with their descriptions); the clients' terms to accept (current
     * versions); whether the invitee made a passkey with this link already (then the password may stay empty); and
     * the clients' identity providers they may register at instead.
     */
    public record Welcome(String email, String inviter, String personalText, String role, String roleDescription,
            List<Permission> permissions, List<String> clients, List<ClientTerms> terms, boolean passkey,
            List<ProviderChoice> providers) {
    }

    @Transactional(readOnly = true)
    public Welcome welcome(String token) {
        Invitation invitation = usableInvitation(token, false);
        UserAccount user = invitation.getUser();
        return new Welcome(user.getEmail(), mails.inviterName(invitation.getInvitedBy()), invitation.getPersonalText(),
                user.getRole().getName(), user.getRole().getDescription(),
                user.getPermissions().stream().sorted(Comparator.comparing(Permission::getName)).toList(),
                user.getClients().stream().map(Client::getName).sorted().toList(), terms.current(user.getClients()),
                passkeys.madeSince(user.getEmail(), invitation.getLinkSentAt()),
                providers.of(user.getClients()).stream().map(ProviderChoice::of).toList());
    }

    /**
     * Saves the adjusted data and the password, then tells the process that the registration is complete; the
     * process activates the user in the same transaction. Answers where the user continues: their clients' landing
     * pages.
     */
    @Transactional
    public List<Landing> register(RegistrationForm form) {
        Invitation invitation = usableInvitation(form.getToken(), true);
        UserAccount user = invitation.getUser();
        // Only passkeys made with this link count: one made with a link that died (leaked, then cancelled) goes.
        passkeys.forgetMadeBefore(user.getEmail(), invitation.getLinkSentAt());
        List<Problem> problems = dataProblems(form, user);
        problems.addAll(passwordProblems(form, user.getEmail()));
        refuseIfAny(problems);
        if (form.getPassword() != null && !form.getPassword().isEmpty()) {
            user.choosePassword(passwordEncoder.encode(form.getPassword()));
            audit.record(user.getEmail(), AuditAction.PASSWORD_SET, user.getId(), "at registration");
        } else {
            user.choosePasskeyInstead(); // passwordProblems let an empty password through only with a passkey
        }
        return complete(invitation, form);
    }

    /**
     * Checks what the invitee entered before they leave for their client's provider ({@code registrationId}), so
     * they learn of a missing tick or name now rather than after the round trip. Nothing is saved.
     */
    @Transactional(readOnly = true)
    public ProviderChoice checkBeforeProvider(RegistrationForm form, String registrationId) {
        UserAccount user = usableInvitation(form.getToken(), false).getUser();
        List<Problem> problems = dataProblems(form, user);
        ProviderChoice provider = identities.offeredTo(user, registrationId).orElse(null);
        if (provider == null) {
            problems.add(new Problem(ProviderIdentities.FIELD, messages.getMessage("provider.gone", null,
                    LocaleContextHolder.getLocale())));
        }
        refuseIfAny(problems);
        return provider;
    }

    /**
     * Completes the registration with the account the invitee signed in with at their client's provider: it must be
     * the invitation's address (verified by the provider, or in its domain), and the link must still admit them.
     * The account is the user's way to sign in from now on; no password is set.
     */
    @Transactional
    public List<Landing> registerWithProvider(RegistrationForm form, VerifiedIdentity identity) {
        Invitation invitation = usableInvitation(form.getToken(), true);
        UserAccount user = invitation.getUser();
        List<Problem> problems = dataProblems(form, user);
        problems.addAll(identities.problems(user, identity));
        refuseIfAny(problems);
        user.chooseProviderInstead();
        identities.link(user, identity);
        return complete(invitation, form);
    }

    /**
     * The data as adjusted, the terms, then the process: it activates the user in the same transaction. Answers where
     * the user continues: their clients' landing pages.
     */
    private List<Landing> complete(Invitation invitation, RegistrationForm form) {
        UserAccount user = invitation.getUser();
        user.updateProfile(form.getFirstName(), form.getLastName(), Language.fromCode(form.getLanguage()).orElseThrow());
        terms.accept(user, form.getAcceptedTerms());
        invitationCommands.registrationCompleted(invitation);
        return Landing.of(user.getClients());
    }

    private static void refuseIfAny(List<Problem> problems) {
        if (!problems.isEmpty()) {
            throw new RejectedRequestException("The registration was not saved:", problems);
        }
    }

    /** What the invitee's browser needs to make a passkey, while the link admits them. */
    @Transactional
    public PublicKeyCredentialCreationOptions passkeyOptions(String token) {
        return passkeys.creationOptions(usableInvitation(token, false).getUser().getEmail());
    }

    /** Keeps the invitee's new passkey, checked against the options made for them, while the link admits them. */
    @Transactional
    public void addPasskey(String token, PublicKeyCredentialCreationOptions options, RelyingPartyPublicKey key) {
        passkeys.register(usableInvitation(token, true).getUser().getEmail(), options, key);
    }

    /** With {@code lock}, the invitation row stays locked until the registration commits (see findForUpdate). */
    private Invitation usableInvitation(String token, boolean lock) {
        return links.open(token, hash -> lock
                ? invitations.findIdByTokenHash(hash).flatMap(invitations::findForUpdate)
                        .filter(locked -> hash.equals(locked.getTokenHash()))
                : invitations.findByTokenHash(hash));
    }

    /** The form's declared shape, an offered language, and the clients' current terms ticked. */
    private List<Problem> dataProblems(RegistrationForm form, UserAccount user) {
        List<Problem> problems = new ArrayList<>(userDataRules.shapeProblems(form));
        if (Language.fromCode(form.getLanguage()).isEmpty()) {
            problems.add(new Problem("language", messages.getMessage("registration.language.invalid", null,
                    LocaleContextHolder.getLocale())));
        }
        problems.addAll(terms.unaccepted(user, form.getAcceptedTerms()));
        return problems;
    }

    /** The password rules; a passkey made on this page stands instead of a password. */
    private List<Problem> passwordProblems(RegistrationForm form, String email) {
        boolean passkeyInstead = (form.getPassword() == null || form.getPassword().isEmpty())
                && (form.getPasswordConfirmation() == null || form.getPasswordConfirmation().isEmpty())
                && !passkeys.of(email).isEmpty();
        return passkeyInstead ? List.of() : newPasswords.problems(form.getPassword(), form.getPasswordConfirmation(), email);
    }
}
