package com.onboarding.security;

import java.util.List;
import java.util.Map;
import java.util.function.IntPredicate;
import org.passay.IllegalCharacterRule;
import org.passay.LengthRule;
import org.passay.PasswordData;
import org.passay.PasswordValidator;
import org.passay.Rule;
import org.passay.RuleResult;
import org.passay.RuleResultDetail;
import org.passay.UsernameRule;
import org.springframework.stereotype.Component;

/**
 * The password rules of the product: 8 to 64 characters, an upper-case and a lower-case letter of any alphabet
 * (Ä, É and Ω count as much as A), a digit 0-9 and a special character (anything that is no letter, digit or
 * space), no control characters (NUL, line breaks, ...: they cannot be typed reliably and break
 * other systems), and not the user's email address. The registration page shows the same rules while the person
 * types (static/js/password-rules.js); Camunda's password policy for the administrators uses this class too
 * (CamundaPasswordPolicy). This class is what counts.
 */
@Component
public class PasswordPolicy {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 64;

    /** Rule violations, each named by a message key {@code password.rule.<code>}. */
    public enum Violation {
        TOO_SHORT, TOO_LONG, NO_UPPERCASE, NO_LOWERCASE, NO_DIGIT, NO_SPECIAL, CONTROL_CHARACTER, CONTAINS_EMAIL
    }

    private final PasswordValidator validator = new PasswordValidator(
            new LengthRule(MIN_LENGTH, MAX_LENGTH),
            new CharacterClassRule("INSUFFICIENT_UPPERCASE", Character::isUpperCase),
            new CharacterClassRule("INSUFFICIENT_LOWERCASE", Character::isLowerCase),
            new CharacterClassRule("INSUFFICIENT_DIGIT", c -> c >= '0' && c <= '9'),
            new CharacterClassRule("INSUFFICIENT_SPECIAL", c -> !Character.isLetter(c) && !(c >= '0' && c <= '9')
                    && !Character.isWhitespace(c) && !Character.isSpaceChar(c) && !Character.isISOControl(c)),
            new IllegalCharacterRule(controlCharacters()),
            new UsernameRule(false, true));

    /**
     * At least one character of a class, judged per code point with Java's Unicode tables (Passay's character rules
     * know A-Z only). static/js/password-rules.js checks the same classes with \\p{Lu} and \\p{Ll}.
     */
    private record CharacterClassRule(String errorCode, IntPredicate member) implements Rule {

        @Override
        public RuleResult validate(PasswordData password) {
            RuleResult result = new RuleResult(true);
            if (password.getPassword().codePoints().noneMatch(member)) {
                result.addError(errorCode, Map.of());
            }
            return result;
        }
    }

    /** Unicode's "Cc" category: U+0000 to U+001F and U+007F to U+009F. */
    private static char[] controlCharacters() {
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0xA0; c++) {
            if (Character.isISOControl(c)) {
                controls.append(c);
            }
        }
        return controls.toString().toCharArray();
    }

    public List<Violation> check(String password, String email) {
        RuleResult result = validator.validate(new PasswordData(email == null ? "" : email, password == null ? "" : password));
        return result.getDetails().stream().map(PasswordPolicy::toViolation).distinct().sorted().toList();
    }

    private static Violation toViolation(RuleResultDetail detail) {
        return switch (detail.getErrorCode()) {
            case LengthRule.ERROR_CODE_MIN -> Violation.TOO_SHORT;
            case LengthRule.ERROR_CODE_MAX -> Violation.TOO_LONG;
            case "INSUFFICIENT_UPPERCASE" -> Violation.NO_UPPERCASE;
            case "INSUFFICIENT_LOWERCASE" -> Violation.NO_LOWERCASE;
            case "INSUFFICIENT_DIGIT" -> Violation.NO_DIGIT;
            case "INSUFFICIENT_SPECIAL" -> Violation.NO_SPECIAL;
            case IllegalCharacterRule.ERROR_CODE -> Violation.CONTROL_CHARACTER;
            case UsernameRule.ERROR_CODE, UsernameRule.ERROR_CODE_REVERSED -> Violation.CONTAINS_EMAIL;
            default -> throw new IllegalStateException("Unmapped password rule " + detail.getErrorCode());
        };
    }
}
