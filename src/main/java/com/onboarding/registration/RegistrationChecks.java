package com.onboarding.registration;

import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.passkeys.Passkeys;
import com.onboarding.providers.ProviderChoice;
import com.onboarding.providers.ProviderIdentities;
import com.onboarding.security.NewPasswordRules;
import com.onboarding.terms.Terms;
import com.onboarding.users.Language;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserDataRules;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** What the registration form must satisfy, each problem at its field in the invitee's language. */
@Component
class RegistrationChecks {

    private final UserDataRules userDataRules;
    private final NewPasswordRules newPasswords;
    private final Terms terms;
    private final Passkeys passkeys;
    private final ProviderIdentities identities;
    private final MessageSource messages;

    RegistrationChecks(UserDataRules userDataRules, NewPasswordRules newPasswords, Terms terms, Passkeys passkeys,
            ProviderIdentities identities, MessageSource messages) {
        this.userDataRules = userDataRules;
        this.newPasswords = newPasswords;
        this.terms = terms;
        this.passkeys = passkeys;
        this.identities = identities;
        this.messages = messages;
    }

    /** The form's declared shape, an offered language, and the clients' current terms ticked. */
    List<Problem> dataProblems(RegistrationForm form, UserAccount user) {
        List<Problem> problems = new ArrayList<>(userDataRules.shapeProblems(form));
        if (Language.fromCode(form.getLanguage()).isEmpty()) {
            problems.add(new Problem("language", message("registration.language.invalid")));
        }
        problems.addAll(terms.unaccepted(user, form.getAcceptedTerms()));
        return problems;
    }

    /** The password rules; a passkey made on this page stands instead of a password. */
    List<Problem> passwordProblems(RegistrationForm form, String email) {
        boolean passkeyInstead = (form.getPassword() == null || form.getPassword().isEmpty())
                && (form.getPasswordConfirmation() == null || form.getPasswordConfirmation().isEmpty())
                && !passkeys.of(email).isEmpty();
        return passkeyInstead ? List.of()
                : newPasswords.problems(form.getPassword(), form.getPasswordConfirmation(), email);
    }

    /** The client's identity provider the invitee chose, if it is still offered to them; else its problem. */
    Optional<ProviderChoice> offeredProvider(UserAccount user, String registrationId, List<Problem> problems) {
        Optional<ProviderChoice> provider = identities.offeredTo(user, registrationId);
        if (provider.isEmpty()) {
            problems.add(new Problem(ProviderIdentities.FIELD, message("provider.gone")));
        }
        return provider;
    }

    private String message(String code) {
        return messages.getMessage(code, null, LocaleContextHolder.getLocale());
    }
}
