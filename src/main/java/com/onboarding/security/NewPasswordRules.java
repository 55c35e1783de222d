package com.onboarding.security;

import com.onboarding.RejectedRequestException.Problem;
import java.util.ArrayList;
import java.util.List;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A new password as a form's field pair (registration, reset, change): the product's rules and the confirmation,
 * each problem a sentence in the person's language, on the field {@code password} or {@code passwordConfirmation}.
 */
@Component
public class NewPasswordRules {

    private final PasswordPolicy policy;
    private final MessageSource messages;

    public NewPasswordRules(PasswordPolicy policy, MessageSource messages) {
        this.policy = policy;
        this.messages = messages;
    }

    public List<Problem> problems(String password, String confirmation, String email) {
        List<Problem> problems = new ArrayList<>();
        policy.check(password, email).forEach(violation -> problems.add(new Problem("password",
                message("password.rule." + violation.name()))));
        if (password == null || !password.equals(confirmation)) {
            problems.add(new Problem("passwordConfirmation", message("registration.passwordConfirmation.mismatch")));
        }
        return problems;
    }

    private String message(String code) {
        return messages.getMessage(code, new Object[] {PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH},
                LocaleContextHolder.getLocale());
    }
}
