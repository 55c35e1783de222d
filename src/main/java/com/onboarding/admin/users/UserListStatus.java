package com.onboarding.admin.users;

import com.onboarding.invitation.Invitation;
import com.onboarding.users.UserAccount;
import java.time.Instant;

/**
 * The status column of the user list, with the icon shown next to its label (messages: status.NAME; an inline SVG of
 * fragments/icons.html: font glyphs render as empty boxes where the font lacks them).
 */
public enum UserListStatus {
    INVITE_ACCEPTED("check"),
    AWAITING_APPROVAL("scale"),
    INVITED("mail"),
    LINK_EXPIRED("clock"),
    INVITATION_CANCELLED("ban"),
    INVITATION_REJECTED("ban"),
    INVITATION_LAPSED("ban"),
    DEACTIVATED("pause");

    private final String icon;

    UserListStatus(String icon) {
        this.icon = icon;
    }

    public String icon() {
        return icon;
    }

    /** Whether the invitation of a user in this status can still be cancelled ("Cancel invitation" on the row). */
    public boolean cancellable() {
        return this == INVITED || this == LINK_EXPIRED || this == AWAITING_APPROVAL;
    }

    /**
     * Whether "Resend invitation" applies: invited users, before or after expiry, or after the invitation closed
     * without them (then it invites them again). Not while an approval is pending: no link exists yet.
     */
    public boolean resendable() {
        return this == INVITED || this == LINK_EXPIRED || invitesAgain();
    }

    /** The invitation closed without the user: "Resend" starts a new one. */
    public boolean invitesAgain() {
        return this == INVITATION_CANCELLED || this == INVITATION_REJECTED || this == INVITATION_LAPSED;
    }

    public static UserListStatus of(UserAccount user, Invitation current, Instant now) {
        return switch (user.getStatus()) {
            case ACTIVE -> INVITE_ACCEPTED;
            case DEACTIVATED -> DEACTIVATED;
            case INVITED -> {
                if (current == null) {
                    yield INVITATION_CANCELLED;
                }
                yield switch (current.getStatus()) {
                    case AWAITING_APPROVAL -> AWAITING_APPROVAL;
                    case REJECTED -> INVITATION_REJECTED;
                    case LAPSED -> INVITATION_LAPSED;
                    case PENDING, EXPIRED -> current.linkExpiredAt(now) ? LINK_EXPIRED : INVITED;
                    // An invited user whose invitation was accepted does not exist; show it as closed.
                    case CANCELLED, ACCEPTED -> INVITATION_CANCELLED;
                };
            }
        };
    }
}
