package com.onboarding.audit;

/** Security-relevant events; the security report lists them per user. */
public enum AuditAction {
    INVITATION_SENT("Invitation sent"),
    INVITATION_RESENT("Invitation resent"),
    INVITATION_CANCELLED("Invitation cancelled"),
    INVITATION_EXPIRED("Invitation link expired"),
    INVITATION_ACCEPTED("Invitation accepted"),
    PASSWORD_SET("Password set at registration"),
    PASSWORD_CHANGED("Password changed"),
    PASSWORD_RESET_REQUESTED("Password reset requested"),
    PASSWORD_RESET("Password reset"),
    SIGN_IN("Signed in"),
    SIGN_IN_FAILED("Sign-in failed"),
    USER_EDITED("Data, role, permissions or clients changed"),
    USER_DEACTIVATED("Deactivated"),
    USER_REACTIVATED("Reactivated"),
    USER_DELETED("Deleted"),
    SECURITY_REPORT_REQUESTED("Security report requested");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
