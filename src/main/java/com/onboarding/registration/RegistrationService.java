package com.onboarding.registration;

import com.onboarding.RejectedRequestException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.clients.Landing;
import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.passkeys.Passkeys;
import com.onboarding.providers.ProviderChoice;
import com.onboarding.providers.ProviderIdentities;
import com.onboarding.providers.VerifiedIdentity;
import com.onboarding.terms.Terms;
import com.onboarding.users.Language;
import com.onboarding.users.UserAccount;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The invitee's side: open the link, check the data, choose a password (or a passkey, or the client's provider), and
 * tell the invitation that the registration is complete.
 */
@Service
public class RegistrationService {

    private final InvitationLinks links;
    private final RegistrationChecks checks;
    private final PasswordEncoder passwordEncoder;
    private final InvitationCommands invitationCommands;
    private final AuditLog audit;
    private final Terms terms;
    private final Passkeys passkeys;
    private final ProviderIdentities identities;

    RegistrationService(InvitationLinks links, RegistrationChecks checks, PasswordEncoder passwordEncoder,
            InvitationCommands invitationCommands, AuditLog audit, Terms terms, Passkeys passkeys,
            ProviderIdentities identities) {
        this.links = links;
        this.checks = checks;
        this.passwordEncoder = passwordEncoder;
        this.invitationCommands = invitationCommands;
        this.audit = audit;
        this.terms = terms;
        this.passkeys = passkeys;
        this.identities = identities;
    }

    /** The invitee's current data, if the link admits them right now. */
    @Transactional(readOnly = true)
    public UserAccount open(String token) {
        return links.usable(token, false).getUser();
    }

    /**
     * Saves the adjusted data and the password, then tells the process that the registration is complete; the
     * process activates the user in the same transaction. Answers where the user continues: their clients' landing
     * pages.
     */
    @Transactional
    public List<Landing> register(RegistrationForm form) {
        Invitation invitation = links.usable(form.getToken(), true);
        UserAccount user = invitation.getUser();
        // Only passkeys made with this link count: one made with a link that died (leaked, then cancelled) goes.
        passkeys.forgetMadeBefore(user.getEmail(), invitation.getLinkSentAt());
        List<Problem> problems = checks.dataProblems(form, user);
        problems.addAll(checks.passwordProblems(form, user.getEmail()));
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
        UserAccount user = links.usable(form.getToken(), false).getUser();
        List<Problem> problems = checks.dataProblems(form, user);
        ProviderChoice provider = checks.offeredProvider(user, registrationId, problems).orElse(null);
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
        Invitation invitation = links.usable(form.getToken(), true);
        UserAccount user = invitation.getUser();
        List<Problem> problems = checks.dataProblems(form, user);
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
}
