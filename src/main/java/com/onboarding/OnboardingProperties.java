package com.onboarding;

import jakarta.validation.constraints.NotBlank;
import java.net.URI;
import java.time.ZoneId;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Application-wide settings.
 *
 * @param publicBaseUrl where invitees reach the service; links in mails are built from it, never from a request's Host header
 * @param mailFrom sender address of all mails
 * @param timeZone zone in which mails show dates and times
 * @param adminLanguage administrators' language where theirs is not known (they never chose one in the header's
 *        switch), and of the tasks offered to all of them; en or de
 */
@Validated
@ConfigurationProperties("onboarding")
public record OnboardingProperties(URI publicBaseUrl, @NotBlank String mailFrom, ZoneId timeZone,
        Locale adminLanguage) {

    public OnboardingProperties {
        if (publicBaseUrl == null || publicBaseUrl.getScheme() == null || publicBaseUrl.getHost() == null) {
            throw new IllegalArgumentException("onboarding.public-base-url must be an absolute URL such as https://onboarding.example.com");
        }
        if (timeZone == null) {
            timeZone = ZoneId.of("UTC");
        }
        if (adminLanguage == null) {
            adminLanguage = Locale.ENGLISH;
        }
    }

    /** An absolute link to a path of this service. */
    public String link(String pathAndQuery) {
        String base = publicBaseUrl.toString();
        return (base.endsWith("/") ? base.substring(0, base.length() - 1) : base) + pathAndQuery;
    }
}
