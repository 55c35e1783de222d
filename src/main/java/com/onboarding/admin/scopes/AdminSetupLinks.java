package com.onboarding.admin.scopes;

import com.onboarding.links.LinkNotUsableException;
import com.onboarding.links.LinkTokens;
import com.onboarding.links.OneTimeLinks;
import com.onboarding.scopes.AdminScopes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * The links new administrators set their password with: 7 days, single use, only the token's hash kept; a newer link
 * closes the older; a link of an account deleted in Camunda Admin works no more.
 */
@Component
class AdminSetupLinks {

    static final Duration VALIDITY = Duration.ofDays(7);

    /** A link just made: the token for the mail (kept nowhere else) and its end. */
    record Issued(String token, Instant validUntil) {
    }

    private final AdminSetupLinkRepository links;
    private final LinkTokens tokens;
    private final OneTimeLinks oneTimeLinks;
    private final AdminScopes scopes;
    private final Clock clock;

    AdminSetupLinks(AdminSetupLinkRepository links, LinkTokens tokens, OneTimeLinks oneTimeLinks, AdminScopes scopes,
            Clock clock) {
        this.links = links;
        this.tokens = tokens;
        this.oneTimeLinks = oneTimeLinks;
        this.scopes = scopes;
        this.clock = clock;
    }

    Issued issue(String adminId, String createdBy) {
        Instant now = clock.instant();
        links.findByAdminIdAndUsedAtIsNull(adminId).forEach(older -> older.close(now));
        String token = tokens.newToken();
        links.save(new AdminSetupLink(adminId, tokens.hash(token), createdBy, now, now.plus(VALIDITY)));
        return new Issued(token, now.plus(VALIDITY));
    }

    /** The link behind the token if it works now; {@code lock}: held until the transaction ends (setting it once). */
    AdminSetupLink open(String token, boolean lock) {
        AdminSetupLink link = oneTimeLinks.open(token,
                hash -> lock ? links.findForUpdate(hash) : links.findByTokenHash(hash));
        if (!scopes.exists(link.getAdminId())) {
            throw new LinkNotUsableException(); // the account was deleted in Camunda Admin
        }
        return link;
    }

    void used(AdminSetupLink link) {
        link.close(clock.instant());
    }
}
