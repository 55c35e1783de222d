package com.onboarding.account;

import com.onboarding.links.StoredLinks;
import com.onboarding.users.UserAccount;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The links a user sets a new password with: valid {@code onboarding.password-reset.link-validity}, single use, only
 * the token's hash kept; a newer link closes the older ones.
 */
@Component
class PasswordResetLinks {

    private final PasswordResetRepository resets;
    private final StoredLinks storedLinks;
    private final Duration validity;

    PasswordResetLinks(PasswordResetRepository resets, StoredLinks storedLinks, PasswordResetSettings settings) {
        this.resets = resets;
        this.storedLinks = storedLinks;
        this.validity = settings.getLinkValidity();
    }

    StoredLinks.Issued issue(UserAccount user, String requestedBy) {
        return storedLinks.issue(resets, resets.findByUserIdAndUsedAtIsNull(user.getId()), validity,
                (hash, now, validUntil) -> new PasswordReset(user, hash, requestedBy, now, validUntil));
    }

    /** The link behind the token if it works now; {@code lock}: held until the transaction ends (using it once). */
    PasswordReset open(String token, boolean lock) {
        return storedLinks.open(resets, token, lock);
    }

    void used(PasswordReset reset) {
        storedLinks.used(reset);
    }

    void forget(long userId) {
        resets.deleteByUserId(userId);
    }
}
