package com.onboarding.admin.users;

import com.onboarding.invitation.Invitation;
import com.onboarding.users.UserAccount;
import java.time.Instant;

/** The status column of the user list, with the symbol shown for it. */
public enum UserListStatus {
    INVITE_ACCEPTED("Invite accepted", "✔"),
    AWAITING_APPROVAL("Invited – awaiting approval", "⚖"),
    INVITED("Invited", "✉"),
    LINK_EXPIRED("Invited – link expired", "⌛"),
    INVITATION_CANCELLED("Invited – invitation cancelled", "⊘"),
    INVITATION_REJECTED("Invited – invitation rejected", "⊘"),
    INVITATION_LAPSED("Invited – invitation lapsed", "⊘"),
    DEACTIVATED("Deactivated", "⏸");

    private final String label;
    private final String symbol;

    UserListStatus(String label, String symbol) {
        this.label = label;
        this.symbol = symbol;
    }

    public String label() {
        return label;
    }

    public String symbol() {
        return symbol;
    }

    /** Whether the invitation of a user in this status can still be cancelled (the status symbol's action). */
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
