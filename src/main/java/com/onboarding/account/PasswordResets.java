package com.onboarding.account;

import com.onboarding.ConflictException;
import com.onboarding.OnboardingProperties;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.RejectedRequestException;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.links.StoredLinks;
import com.onboarding.mail.MailService;
import com.onboarding.security.NewPasswordRules;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserStatus;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * "Reset password": a single-use link (same token rules as invitations, valid
 * {@code onboarding.password-reset.link-validity}, default 60 minutes) to a page with the usual password rules.
 * A new link kills the older ones.
 */
@Service
public class PasswordResets {

    private final PasswordResetLinks resetLinks;
    private final NewPasswordRules newPasswords;
    private final PasswordEncoder encoder;
    private final MailService mail;
    private final MessageSource messages;
    private final OnboardingProperties properties;
    private final AuditLog audit;

    PasswordResets(PasswordResetLinks resetLinks, NewPasswordRules newPasswords, PasswordEncoder encoder,
            MailService mail, MessageSource messages, OnboardingProperties properties, AuditLog audit) {
        this.resetLinks = resetLinks;
        this.newPasswords = newPasswords;
        this.encoder = encoder;
        this.mail = mail;
        this.messages = messages;
        this.properties = properties;
        this.audit = audit;
    }

    /**
     * Mails the user a reset link. Sent within the transaction: if the mail fails, no link is stored and the
     * admin is told to try again.
     */
    @Transactional
    public void issue(UserAccount user, String requestedBy) {
        if (user.getStatus() != UserStatus.ACTIVE) {
            throw new ConflictException("Only active users can reset their password; " + user.getEmail() + " is "
                    + (user.getStatus() == UserStatus.INVITED ? "still invited (resend the invitation instead)."
                    : "deactivated."));
        }
        StoredLinks.Issued link = resetLinks.issue(user, requestedBy);
        audit.record(requestedBy, AuditAction.PASSWORD_RESET_REQUESTED, user.getId(), null);
        Locale locale = user.getLanguage().locale();
        mail.send(user.getEmail(), messages.getMessage("mail.reset.subject", null, locale), "password-reset", locale,
                Map.of("firstName", user.getFirstName(),
                        "link", properties.link(UriComponentsBuilder.fromPath("/password-reset")
                                .queryParam("token", link.token()).toUriString()),
                        "validUntil", mail.dateTime(link.validUntil(), locale)));
    }

    /** Removes the user's reset links (for "Delete user"). */
    @Transactional
    public void forget(long userId) {
        resetLinks.forget(userId);
    }

    /** The user whose link this is, if it works right now. */
    @Transactional(readOnly = true)
    public UserAccount open(String token) {
        return resetLinks.open(token, false).getUser();
    }

    @Transactional
    public void reset(String token, String password, String confirmation) {
        PasswordReset reset = resetLinks.open(token, true);
        UserAccount user = reset.getUser();
        List<Problem> problems = newPasswords.problems(password, confirmation, user.getEmail());
        if (!problems.isEmpty()) {
            throw new RejectedRequestException("Your password was not changed:", problems);
        }
        user.changePassword(encoder.encode(password));
        resetLinks.used(reset);
        audit.record(user.getEmail(), AuditAction.PASSWORD_RESET, user.getId(), null);
    }
}
