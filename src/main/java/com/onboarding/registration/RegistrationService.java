package com.onboarding.registration;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.invitation.ConcurrentInvitationChangeException;
import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationRepository;
import com.onboarding.security.FormRejectedException;
import com.onboarding.security.FormRejectedException.Problem;
import com.onboarding.security.LinkTokens;
import com.onboarding.security.PasswordPolicy;
import com.onboarding.users.Language;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserStatus;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The invitee's side: open the link, check the data, choose a password, complete the registration task. */
@Service
public class RegistrationService {

    static final int MAX_NAME = 100;

    private final InvitationRepository invitations;
    private final LinkTokens tokens;
    private final PasswordPolicy passwordPolicy;
    private final PasswordEncoder passwordEncoder;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final Clock clock;

    public RegistrationService(InvitationRepository invitations, LinkTokens tokens, PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder, RuntimeService runtime, AuditLog audit, Clock clock) {
        this.invitations = invitations;
        this.tokens = tokens;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.runtime = runtime;
        this.audit = audit;
        this.clock = clock;
    }

    /** The invitee's current data, if the link admits them right now. */
    @Transactional(readOnly = true)
    public UserAccount open(String token) {
        return usableInvitation(token, false).orElseThrow(LinkNotUsableException::new).getUser();
    }

    /**
     * Saves the adjusted data and the password, then tells the process that the registration is complete; the
     * process activates the user in the same transaction.
     */
    @Transactional
    public void register(RegistrationForm form) {
        Invitation invitation = usableInvitation(form.getToken(), true).orElseThrow(LinkNotUsableException::new);
        UserAccount user = invitation.getUser();
        List<Problem> problems = check(form, user.getEmail());
        if (!problems.isEmpty()) {
            throw new FormRejectedException(problems);
        }
        user.updateProfile(form.getFirstName(), form.getLastName(), Language.fromCode(form.getLanguage()).orElseThrow());
        user.choosePassword(passwordEncoder.encode(form.getPassword()));
        audit.record(user.getEmail(), AuditAction.PASSWORD_SET, user.getId(), "at registration");
        try {
            // The invitee is nobody in the engine: no authenticated user, as "Activate user" demands.
            runtime.createMessageCorrelation(InvitationProcess.MESSAGE_REGISTRATION_COMPLETED)
                    .processInstanceId(invitation.getProcessInstanceId())
                    .correlateWithResult();
        } catch (MismatchingMessageCorrelationException e) {
            // The process is not waiting for the invitee (any more): an admin changed the invitation this moment.
            throw new LinkNotUsableException();
        } catch (OptimisticLockingException e) {
            throw new ConcurrentInvitationChangeException(e);
        }
    }

    /** With {@code lock}, the invitation row stays locked until the registration commits (see findForUpdate). */
    private Optional<Invitation> usableInvitation(String token, boolean lock) {
        if (!tokens.isWellFormed(token)) {
            return Optional.empty();
        }
        String hash = tokens.hash(token);
        Optional<Invitation> invitation = lock
                ? invitations.findIdByTokenHash(hash).flatMap(invitations::findForUpdate)
                : invitations.findByTokenHash(hash);
        return invitation
                .filter(candidate -> hash.equals(candidate.getTokenHash()))
                .filter(candidate -> candidate.admits(clock.instant()))
                .filter(candidate -> candidate.getUser().getStatus() == UserStatus.INVITED);
    }

    private List<Problem> check(RegistrationForm form, String email) {
        List<Problem> problems = new ArrayList<>();
        requireName(form.getFirstName(), "firstName", problems);
        requireName(form.getLastName(), "lastName", problems);
        if (Language.fromCode(form.getLanguage()).isEmpty()) {
            problems.add(new Problem("language", "registration.language.invalid"));
        }
        problems.addAll(passwordPolicy.checkNewPassword(form.getPassword(), form.getPasswordConfirmation(), email));
        return problems;
    }

    private static void requireName(String value, String field, List<Problem> problems) {
        if (value == null || value.isBlank()) {
            problems.add(new Problem(field, "registration." + field + ".required"));
        } else if (value.trim().length() > MAX_NAME) {
            problems.add(new Problem(field, "registration." + field + ".tooLong"));
        }
    }
}
