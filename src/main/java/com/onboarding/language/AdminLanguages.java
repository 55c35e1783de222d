package com.onboarding.language;

import com.onboarding.OnboardingProperties;
import com.onboarding.users.Language;
import java.util.Locale;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.stereotype.Component;

/**
 * An administrator's language when no request of theirs says it (a task named for them, a mail to them): their last
 * choice in the header's language switch, kept in their Camunda user info, else onboarding.admin-language.
 */
@Component
public class AdminLanguages {

    private final IdentityService identity;
    private final OnboardingProperties properties;

    AdminLanguages(IdentityService identity, OnboardingProperties properties) {
        this.identity = identity;
        this.properties = properties;
    }

    public Locale of(String adminId) {
        if (adminId == null) {
            return properties.adminLanguage();
        }
        return Language.fromCode(identity.getUserInfo(adminId, LanguageResolver.USER_INFO_KEY)).map(Language::locale)
                .orElse(properties.adminLanguage());
    }

    /** For what is offered to all administrators (a task of the group camunda-admin): the configured language. */
    public Locale everyone() {
        return properties.adminLanguage();
    }
}
