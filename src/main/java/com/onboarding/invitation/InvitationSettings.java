package com.onboarding.invitation;

import com.onboarding.Durations;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.stereotype.Component;

/**
 * How long an invitation link is valid ({@code onboarding.invitation.link-validity}, ISO-8601, default 21 days).
 * The BPMN timer reads {@link #getLinkValidityIso()}, the server-side link check reads the same value.
 */
@Component("invitationSettings")
@ConfigurationProperties("onboarding.invitation")
public class InvitationSettings {

    private Duration linkValidity = Duration.ofDays(21);

    public Duration getLinkValidity() {
        return linkValidity;
    }

    public void setLinkValidity(Duration linkValidity) {
        if (linkValidity == null || linkValidity.isNegative() || linkValidity.isZero()) {
            throw new IllegalArgumentException("onboarding.invitation.link-validity must be a positive duration");
        }
        this.linkValidity = linkValidity;
    }

    /** The validity as people read it: "21 days". */
    public String linkValidityText() {
        return Durations.forPeople(linkValidity);
    }

    /** The validity as the ISO-8601 duration a BPMN timer expects. */
    public String getLinkValidityIso() {
        return linkValidity.toString();
    }
}
