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
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.task.Task;
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
    private final TaskService taskService;
    private final AuditLog audit;
    private final Clock clock;

    public RegistrationService(InvitationRepository invitations, LinkTokens tokens, PasswordPolicy passwordPolicy,
            PasswordEncoder passwordEncoder, TaskService taskService, AuditLog audit, Clock clock) {
        this.invitations = invitations;
        this.tokens = tokens;
        this.passwordPolicy = passwordPolicy;
        this.passwordEncoder = passwordEncoder;
        this.taskService = taskService;
        this.audit = audit;
        this.clock = clock;
    }

    /** The invitee's current data, if the link admits them right now. */
    @Transactional(readOnly = true)
    public UserAccount open(String token) {
        return usableInvitation(token, false).orElseThrow(LinkNotUsableException::new).getUser();
    }

    /**
     * Saves the adjusted data and the password, then completes the task "Complete registration"; the process
     * activates the user in the same transaction.
     */
    @Transactional
    public void register(RegistrationForm form) {
        Invitation invitation = usableInvitation(form.getToken(), true).orElseThrow(LinkNotUsableException::new);
        UserAccount user = invitation.getUser();
        List<Problem> problems = check(form, user.getEmail());
        if (!problems.isEmpty()) {
            throw new FormRejectedException(problems);
        }
        Task task = taskService.createTaskQuery()
                .processInstanceId(invitation.getProcessInstanceId())
                .taskDefinitionKey(InvitationProcess.TASK_COMPLETE_REGISTRATION)
                .singleResult();
        if (task == null) {
            throw new LinkNotUsableException();
        }
        user.updateProfile(form.getFirstName(), form.getLastName(), Language.fromCode(form.getLanguage()).orElseThrow());
        user.choosePassword(passwordEncoder.encode(form.getPassword()));
        audit.record(user.getEmail(), AuditAction.PASSWORD_SET, user.getId(), "at registration");
        try {
            taskService.complete(task.getId());
        } catch (NullValueException e) {
            // The task vanished since we looked it up: an admin cancelled or resent the invitation this very moment.
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
