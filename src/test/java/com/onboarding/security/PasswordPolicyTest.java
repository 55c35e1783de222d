package com.onboarding.security;

import static com.onboarding.security.PasswordPolicy.Violation.CONTAINS_EMAIL;
import static com.onboarding.security.PasswordPolicy.Violation.CONTROL_CHARACTER;
import static com.onboarding.security.PasswordPolicy.Violation.NO_DIGIT;
import static com.onboarding.security.PasswordPolicy.Violation.NO_LOWERCASE;
import static com.onboarding.security.PasswordPolicy.Violation.NO_SPECIAL;
import static com.onboarding.security.PasswordPolicy.Violation.NO_UPPERCASE;
import static com.onboarding.security.PasswordPolicy.Violation.TOO_LONG;
import static com.onboarding.security.PasswordPolicy.Violation.TOO_SHORT;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    final PasswordPolicy policy = new PasswordPolicy();
    final String email = "anna@example.com";

    @Test
    void compliantPasswordPasses() {
        assertThat(policy.check("Sunny-Day-42", email)).isEmpty();
        assertThat(policy.check("Aa1!Aa1!", email)).as("exactly 8 characters").isEmpty();
        assertThat(policy.check("Aa1!" + "b".repeat(60), email)).as("exactly 64 characters").isEmpty();
    }

    @Test
    void eachRuleIsReportedOnItsOwn() {
        assertThat(policy.check("Aa1!Aa1", email)).containsExactly(TOO_SHORT);
        assertThat(policy.check("Aa1!" + "b".repeat(61), email)).containsExactly(TOO_LONG);
        assertThat(policy.check("sunny-day-42", email)).containsExactly(NO_UPPERCASE);
        assertThat(policy.check("SUNNY-DAY-42", email)).containsExactly(NO_LOWERCASE);
        assertThat(policy.check("Sunny-Day-xx", email)).containsExactly(NO_DIGIT);
        assertThat(policy.check("SunnyDay42xx", email)).containsExactly(NO_SPECIAL);
    }

    @Test
    void controlCharactersAreRefused() {
        for (String control : new String[] {"\u0000", "\n", "\t", "\r", "\u001b", "\u007f", "\u0085"}) {
            assertThat(policy.check("Sunny-Day-42" + control, email)).as("U+%04X", (int) control.charAt(0))
                    .containsExactly(CONTROL_CHARACTER);
        }
        assertThat(policy.check("Sonnig-Tag-42-äöü-ß €", email)).as("any printable character is fine").isEmpty();
    }

    @Test
    void emailMayNotBeThePasswordNorPartOfIt_ignoringCase() {
        assertThat(policy.check("Anna@Example.com1", email)).containsExactly(CONTAINS_EMAIL);
        assertThat(policy.check("X1!anna@example.com", email)).containsExactly(CONTAINS_EMAIL);
    }

    @Test
    void emptyAndNullPasswordsBreakSeveralRules() {
        assertThat(policy.check("", email)).contains(TOO_SHORT, NO_UPPERCASE, NO_LOWERCASE, NO_DIGIT, NO_SPECIAL);
        assertThat(policy.check(null, email)).contains(TOO_SHORT);
    }

    /** Letters of every alphabet count, as the checklist says: Ä is an upper-case letter, ß a lower-case one. */
    @Test
    void upperAndLowerCaseLettersOfAnyAlphabetCount() {
        String email = "anna@example.com";
        assertThat(policy.check("Äöü1!Äöü1", email)).isEmpty();
        assertThat(policy.check("ΩMEGA-ß-2026", email)).isEmpty();
        assertThat(policy.check("äöü1!äöü1", email)).containsExactly(PasswordPolicy.Violation.NO_UPPERCASE);
        assertThat(policy.check("ÄÖÜ1!ÄÖÜ1", email)).containsExactly(PasswordPolicy.Violation.NO_LOWERCASE);
        // A digit is 0-9; any other character that is no letter, digit or space is special: € as much as !.
        assertThat(policy.check("Äöüxyz1€", email)).isEmpty();
        assertThat(policy.check("Äöüxyz1 a", email)).containsExactly(PasswordPolicy.Violation.NO_SPECIAL);
    }
}
