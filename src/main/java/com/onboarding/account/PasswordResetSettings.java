package com.onboarding.account;

import com.onboarding.Durations;
import java.time.Duration;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/** How long a password reset link works ({@code onboarding.password-reset.link-validity}, default 60 minutes). */
@Component
@ConfigurationProperties("onboarding.password-reset")
public class PasswordResetSettings {

    private Duration linkValidity = Duration.ofMinutes(60);

    public Duration getLinkValidity() {
        return linkValidity;
    }

    public void setLinkValidity(Duration linkValidity) {
        if (linkValidity == null || linkValidity.isNegative() || linkValidity.isZero()) {
            throw new IllegalArgumentException("onboarding.password-reset.link-validity must be a positive duration");
        }
        this.linkValidity = linkValidity;
    }

    public String linkValidityText(Locale locale) {
        return Durations.forPeople(linkValidity, locale);
    }
}
