package com.onboarding.account;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.security.FormRejectedException;
import com.onboarding.security.PasswordPolicy;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import java.util.ArrayList;
import java.util.List;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** A signed-in user's own account. */
@Service
public class AccountService {

    private final UserAccountRepository users;
    private final PasswordPolicy policy;
    private final PasswordEncoder encoder;
    private final AuditLog audit;

    public AccountService(UserAccountRepository users, PasswordPolicy policy, PasswordEncoder encoder, AuditLog audit) {
        this.users = users;
        this.policy = policy;
        this.encoder = encoder;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public UserAccount of(String email) {
        return users.findByEmailNormalized(UserAccount.normalizeEmail(email)).orElseThrow();
    }

    @Transactional
    public void changePassword(String email, String currentPassword, String newPassword, String confirmation) {
        UserAccount user = of(email);
        List<FormRejectedException.Problem> problems = new ArrayList<>();
        if (currentPassword == null || !encoder.matches(currentPassword, user.getPasswordHash())) {
            problems.add(new FormRejectedException.Problem("currentPassword", "account.currentPassword.wrong"));
        }
        problems.addAll(policy.checkNewPassword(newPassword, confirmation, user.getEmail()));
        if (!problems.isEmpty()) {
            throw new FormRejectedException(problems);
        }
        user.changePassword(encoder.encode(newPassword));
        audit.record(user.getEmail(), AuditAction.PASSWORD_CHANGED, user.getId(), null);
    }
}
