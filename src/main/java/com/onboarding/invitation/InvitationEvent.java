package com.onboarding.invitation;

import java.util.List;

/**
 * Something happened to an invitation, published (Spring application event) inside the transaction that did it: a
 * listener's work commits or rolls back with it. Ids only; who and what stay in the application's tables.
 */
public record InvitationEvent(Kind kind, long invitationId, long userId, List<Long> clientIds) {

    static InvitationEvent of(Kind kind, Invitation invitation) {
        return new InvitationEvent(kind, invitation.getId(), invitation.getUser().getId(),
                invitation.getUser().clientIds());
    }

    public enum Kind {
        /** Created (waiting for approval, or about to be mailed). */
        CREATED,
        /** A link was mailed: the first, after approval, or a resend. */
        SENT,
        /** A reminder with a fresh link was mailed. */
        REMINDED,
        /** The invitee registered. */
        ACCEPTED,
        /** The link ran out. */
        EXPIRED,
        CANCELLED,
        /** Expired and nobody followed up. */
        LAPSED
    }
}
