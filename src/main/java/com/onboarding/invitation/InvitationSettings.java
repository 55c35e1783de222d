package com.onboarding.invitation;

import com.onboarding.Durations;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * The invitation's times, each an ISO-8601 duration under {@code onboarding.invitation}:
 * <ul>
 *   <li>{@code link-validity} (default 21 days): how long a link is valid unless the admin chose a validity for the
 *       invitation;</li>
 *   <li>{@code follow-up-grace-period} (default 14 days): after the link expired, how long the follow-up task waits
 *       before the invitation lapses;</li>
 *   <li>{@code reminders} (default 3 days): how long before the link expires the invitee is reminded; a list,
 *       empty for no reminders.</li>
 * </ul>
 */
@Component("invitationSettings")
@ConfigurationProperties("onboarding.invitation")
public class InvitationSettings {

    private Duration linkValidity = Duration.ofDays(21);
    private Duration followUpGracePeriod = Duration.ofDays(14);
    private List<Duration> reminders = new ArrayList<>(List.of(Duration.ofDays(3)));

    public Duration getLinkValidity() {
        return linkValidity;
    }

    public void setLinkValidity(Duration linkValidity) {
        this.linkValidity = positive("link-validity", linkValidity);
    }

    public Duration getFollowUpGracePeriod() {
        return followUpGracePeriod;
    }

    public void setFollowUpGracePeriod(Duration followUpGracePeriod) {
        this.followUpGracePeriod = positive("follow-up-grace-period", followUpGracePeriod);
    }

    public List<Duration> getReminders() {
        return reminders;
    }

    public void setReminders(List<Duration> reminders) {
        List<Duration> checked = new ArrayList<>();
        for (Duration reminder : reminders == null ? List.<Duration>of() : reminders) {
            checked.add(positive("reminders", reminder));
        }
        this.reminders = checked;
    }

    /** The setting's validity in the reader's words ("21 days"), where a form offers to choose another. */
    public String linkValidityText(Locale locale) {
        return Durations.forPeople(linkValidity, locale);
    }

    /**
     * The validity as the ISO-8601 duration a BPMN timer expects: read by instances of the model's versions before
     * the validity per invitation (their "Link expired" timer), until they end or move to the current version.
     */
    public String getLinkValidityIso() {
        return linkValidity.toString();
    }

    /** The grace period as the ISO-8601 duration a BPMN timer expects. */
    public String getFollowUpGracePeriodIso() {
        return followUpGracePeriod.toString();
    }

    private static Duration positive(String name, Duration value) {
        if (value == null || value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException("onboarding.invitation." + name + " must be a positive duration");
        }
        return value;
    }
}
