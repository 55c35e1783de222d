package com.onboarding.account;

import com.onboarding.links.LinkTokens;
import com.onboarding.links.OneTimeLinks;
import com.onboarding.users.UserAccount;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The links a user sets a new password with: valid {@code onboarding.password-reset.link-validity}, single use, only
 * the token's hash kept; a newer link closes the older ones.
 */
@Component
class PasswordResetLinks {

    /** A link just made: the token for the mail (kept nowhere else) and its end. */
    record Issued(String token, Instant validUntil) {
    }

    private final PasswordResetRepository resets;
    private final LinkTokens tokens;
    private final OneTimeLinks links;
    private final Clock clock;
    private final Duration validity;

    PasswordResetLinks(PasswordResetRepository resets, LinkTokens tokens, OneTimeLinks links, Clock clock,
            PasswordResetSettings settings) {
        this.resets = resets;
        this.tokens = tokens;
        this.links = links;
        this.clock = clock;
        this.validity = settings.getLinkValidity();
    }

    Issued issue(UserAccount user, String requestedBy) {
        Instant now = clock.instant();
        resets.findByUserIdAndUsedAtIsNull(user.getId()).forEach(older -> older.close(now));
        String token = tokens.newToken();
        resets.save(new PasswordReset(user, tokens.hash(token), requestedBy, now, now.plus(validity)));
        return new Issued(token, now.plus(validity));
    }

    /** The link behind the token if it works now; {@code lock}: held until the transaction ends (using it once). */
    PasswordReset open(String token, boolean lock) {
        return links.open(token, hash -> lock ? resets.findForUpdate(hash) : resets.findByTokenHash(hash));
    }

    void used(PasswordReset reset) {
        reset.close(clock.instant());
    }

    void forget(long userId) {
        resets.deleteByUserId(userId);
    }
}
