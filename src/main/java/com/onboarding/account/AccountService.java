package com.onboarding.account;

import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.RejectedRequestException;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.security.NewPasswordRules;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A signed-in user's own account. */
@Service
public class AccountService {

    private final UserAccountRepository users;
    private final NewPasswordRules newPasswords;
    private final PasswordEncoder encoder;
    private final AuditLog audit;
    private final MessageSource messages;

    public AccountService(UserAccountRepository users, NewPasswordRules newPasswords, PasswordEncoder encoder,
            AuditLog audit, MessageSource messages) {
        this.users = users;
        this.newPasswords = newPasswords;
        this.encoder = encoder;
        this.audit = audit;
        this.messages = messages;
    }

    @Transactional(readOnly = true)
    public UserAccount of(String email) {
        return users.findByEmailNormalized(UserAccount.normalizeEmail(email)).orElseThrow();
    }

    @Transactional
    public void changePassword(String email, String currentPassword, String newPassword, String confirmation) {
        UserAccount user = of(email);
        List<Problem> problems = new ArrayList<>();
        if (currentPassword == null || !encoder.matches(currentPassword, user.getPasswordHash())) {
            problems.add(new Problem("currentPassword", messages.getMessage("account.currentPassword.wrong", null,
                    LocaleContextHolder.getLocale())));
        }
        problems.addAll(newPasswords.problems(newPassword, confirmation, user.getEmail()));
        if (!problems.isEmpty()) {
            throw new RejectedRequestException("Your password was not changed:", problems);
        }
        user.changePassword(encoder.encode(newPassword));
        audit.record(user.getEmail(), AuditAction.PASSWORD_CHANGED, user.getId(), null);
    }
}
