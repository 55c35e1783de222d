package com.onboarding.invitation;

/** Where an invitation stands; the process {@code bpmn/user-invitation.bpmn} moves it along. */
public enum InvitationStatus {
    /** Four-eyes: a second global admin has to approve a sensitive role or permission; no link exists yet. */
    AWAITING_APPROVAL,
    /** Waiting for the invitee; the link works until it expires. */
    PENDING,
    /** The invitee registered. */
    ACCEPTED,
    /** The link ran out before the invitee registered; a resend opens it again, the follow-up task decides. */
    EXPIRED,
    /** An admin cancelled the invitation; the link is dead. */
    CANCELLED,
    /** The approver said no; no link was ever mailed. */
    REJECTED,
    /** Expired, and nobody followed up within the grace period: closed by the system. */
    LAPSED
}
