package com.onboarding.account;

import com.onboarding.links.StoredLink;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;

/** A single-use password reset link; only the token's hash is stored. */
@Entity
@Table(name = "password_reset")
public class PasswordReset extends StoredLink {

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount user;

    @Column(name = "requested_by", nullable = false)
    private String requestedBy;

    protected PasswordReset() {
    }

    PasswordReset(UserAccount user, String tokenHash, String requestedBy, Instant now, Instant expiresAt) {
        super(tokenHash, now, expiresAt);
        this.user = user;
        this.requestedBy = requestedBy;
    }

    /** Unused, not expired, and the user still active. */
    @Override
    public boolean admits(Instant now) {
        return super.admits(now) && user.getStatus() == UserStatus.ACTIVE;
    }

    public UserAccount getUser() {
        return user;
    }
}
