package com.onboarding.audit;

/** Security-relevant events; the security report lists them per user. */
public enum AuditAction {
    /** The invitation went out: at once, or once a second global admin approved it. */
    INVITATION_SENT("Invitation sent"),
    INVITATION_AWAITING_APPROVAL("Invitation awaiting approval (four-eyes); nothing sent yet"),
    INVITATION_RESENT("Invitation resent"),
    INVITATION_CANCELLED("Invitation cancelled"),
    INVITATION_EXPIRED("Invitation link expired"),
    INVITATION_ACCEPTED("Invitation accepted"),
    INVITATION_APPROVED("Invitation approved (four-eyes)"),
    INVITATION_REJECTED("Invitation rejected (four-eyes)"),
    INVITATION_REMINDED("Reminder sent with a new link"),
    INVITATION_FOLLOWED_UP("Expired invitation followed up"),
    INVITATION_LAPSED("Invitation lapsed: nobody followed up"),
    NEW_LINK_REQUESTED("New invitation link requested by the invitee"),
    NEW_LINK_DECLINED("Request for a new invitation link declined"),
    PASSWORD_SET("Password set at registration"),
    PASSWORD_CHANGED("Password changed"),
    PASSWORD_RESET_REQUESTED("Password reset requested"),
    PASSWORD_RESET("Password reset"),
    SIGN_IN("Signed in"),
    SIGN_IN_FAILED("Sign-in failed"),
    BULK_INVITATION_SENT("Bulk invitation file sent"),
    USER_EDITED("Data, role, permissions or clients changed"),
    PRIVILEGE_CHANGE_REQUESTED("Sensitive role or permission requested (awaiting approval)"),
    PRIVILEGE_CHANGE_APPROVED("Sensitive role or permission approved and granted"),
    PRIVILEGE_CHANGE_REJECTED("Sensitive role or permission rejected"),
    PRIVILEGE_CHANGE_WITHDRAWN("Requested role or permission withdrawn"),
    USER_DEACTIVATED("Deactivated"),
    USER_REACTIVATED("Reactivated"),
    USER_DELETED("Deleted"),
    SECURITY_REPORT_REQUESTED("Security report requested"),
    ADMIN_CREATED("Administrator account created"),
    ADMIN_CHANGED("Administrator's name or email changed"),
    ADMIN_PASSWORD_CHANGED("Administrator's password changed"),
    ADMIN_DELETED("Administrator account deleted"),
    ADMIN_GROUP_JOINED("Added to a Camunda group"),
    ADMIN_GROUP_LEFT("Removed from a Camunda group"),
    ADMIN_SCOPE_CHANGED("Clients and grantable permissions changed"),
    GROUP_CREATED("Camunda group created"),
    GROUP_DELETED("Camunda group deleted"),
    PASSKEY_ADDED("Passkey added"),
    PASSKEY_REMOVED("Passkey removed"),
    TERMS_PUBLISHED("New version of a client's terms published"),
    TERMS_ACCEPTED("Terms accepted"),
    WEBHOOK_ENDPOINT_CREATED("Webhook endpoint created"),
    WEBHOOK_ENDPOINT_CHANGED("Webhook endpoint changed"),
    WEBHOOK_SECRET_ROTATED("Webhook endpoint's secret rotated"),
    WEBHOOK_ENDPOINT_DELETED("Webhook endpoint deleted"),
    IDENTITY_PROVIDER_CHANGED("A client's identity provider set or changed"),
    IDENTITY_PROVIDER_REMOVED("A client's identity provider removed"),
    PROVIDER_ACCOUNT_LINKED("Registered with an account at the client's identity provider"),
    PROCESS_INSTANCES_MIGRATED("Running instances moved to a process's latest version");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
