package com.onboarding.invitation;

public enum InvitationStatus {
    /** Waiting for the invitee; the link works until it expires. */
    PENDING,
    /** The invitee registered. */
    ACCEPTED,
    /** The link ran out before the invitee registered; a resend opens it again. */
    EXPIRED,
    /** An admin cancelled the invitation; the link is dead. */
    CANCELLED
}
