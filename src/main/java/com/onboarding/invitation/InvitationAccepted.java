package com.onboarding.invitation;

import java.time.Duration;
import java.time.Instant;

/** Published when an invitee registers; listeners that count it should do so after the commit. */
public record InvitationAccepted(long invitationId, Instant invitedAt, Instant acceptedAt) {

    public Duration timeToAccept() {
        return Duration.between(invitedAt, acceptedAt);
    }
}
