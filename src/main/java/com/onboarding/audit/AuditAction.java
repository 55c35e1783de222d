package com.onboarding.audit;

/** Security-relevant events; the security report lists them per user. */
public enum AuditAction {
    INVITATION_SENT,
    INVITATION_RESENT,
    INVITATION_CANCELLED,
    INVITATION_EXPIRED,
    INVITATION_ACCEPTED,
    PASSWORD_SET
}
