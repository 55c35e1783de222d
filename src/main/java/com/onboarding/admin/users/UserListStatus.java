package com.onboarding.admin.users;

import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.users.UserAccount;
import java.time.Instant;

/** The status column of the user list, with the symbol shown for it. */
public enum UserListStatus {
    INVITE_ACCEPTED("Invite accepted", "✔"),
    INVITED("Invited", "✉"),
    LINK_EXPIRED("Invited – link expired", "⌛"),
    INVITATION_CANCELLED("Invited – invitation cancelled", "⊘"),
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
        return this == INVITED || this == LINK_EXPIRED;
    }

    /** Whether "Resend invitation" applies: invited users, before or after expiry, or after a cancellation. */
    public boolean resendable() {
        return this == INVITED || this == LINK_EXPIRED || this == INVITATION_CANCELLED;
    }

    public static UserListStatus of(UserAccount user, Invitation current, Instant now) {
        return switch (user.getStatus()) {
            case ACTIVE -> INVITE_ACCEPTED;
            case DEACTIVATED -> DEACTIVATED;
            case INVITED -> {
                if (current == null || current.getStatus() == InvitationStatus.CANCELLED) {
                    yield INVITATION_CANCELLED;
                }
                yield current.linkExpiredAt(now) ? LINK_EXPIRED : INVITED;
            }
        };
    }
}
