package com.onboarding.authority;

import com.onboarding.security.PasswordPolicy.Violation;
import com.onboarding.security.PasswordPolicy;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.identity.PasswordPolicyRule;
import org.camunda.bpm.engine.impl.identity.PasswordPolicyUserDataRuleImpl;

/**
 * Camunda's password policy for the administrators, made of the invitees' rules ({@link PasswordPolicy}): the same
 * length, character classes and control-character ban, plus Camunda's own "no user data" rule. Placeholders and
 * parameters of the rules Camunda knows are Camunda's, so that Camunda Admin shows them in its own words.
 */
class CamundaPasswordPolicy implements org.camunda.bpm.engine.identity.PasswordPolicy {

    private final List<PasswordPolicyRule> rules;

    CamundaPasswordPolicy(PasswordPolicy policy) {
        String prefix = "PASSWORD_POLICY_"; // Camunda's prefix, so that Camunda Admin knows the rules it has words for
        this.rules = List.of(
                new Rule(policy, Violation.TOO_SHORT, prefix + "LENGTH", Map.of("minLength", String.valueOf(PasswordPolicy.MIN_LENGTH))),
                new Rule(policy, Violation.TOO_LONG, prefix + "MAX_LENGTH", Map.of("maxLength", String.valueOf(PasswordPolicy.MAX_LENGTH))),
                new Rule(policy, Violation.NO_LOWERCASE, prefix + "LOWERCASE", Map.of("minLowerCase", "1")),
                new Rule(policy, Violation.NO_UPPERCASE, prefix + "UPPERCASE", Map.of("minUpperCase", "1")),
                new Rule(policy, Violation.NO_DIGIT, prefix + "DIGIT", Map.of("minDigit", "1")),
                new Rule(policy, Violation.NO_SPECIAL, prefix + "SPECIAL", Map.of("minSpecial", "1")),
                new Rule(policy, Violation.CONTROL_CHARACTER, prefix + "NO_CONTROL_CHARACTERS", Map.of()),
                new PasswordPolicyUserDataRuleImpl());
    }

    @Override
    public List<PasswordPolicyRule> getRules() {
        return rules;
    }

    /** One of the product's rules, as Camunda sees it: passed when the policy reports no such violation. */
    private record Rule(PasswordPolicy policy, Violation violation, String placeholder, Map<String, String> parameters)
            implements PasswordPolicyRule {

        @Override
        public String getPlaceholder() {
            return placeholder;
        }

        @Override
        public Map<String, String> getParameters() {
            return parameters;
        }

        @Override
        public boolean execute(String candidatePassword) {
            return !policy.check(candidatePassword, null).contains(violation);
        }
    }
}
