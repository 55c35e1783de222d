package com.onboarding.admin.scopes;

import com.onboarding.links.LinkNotUsableException;
import com.onboarding.links.StoredLinks;
import com.onboarding.scopes.AdminScopes;
import java.time.Duration;
import org.springframework.stereotype.Component;

/**
 * The links new administrators set their password with: 7 days, single use, only the token's hash kept; a newer link
 * closes the older; a link of an account deleted in Camunda Admin works no more.
 */
@Component
class AdminSetupLinks {

    static final Duration VALIDITY = Duration.ofDays(7);

    private final AdminSetupLinkRepository links;
    private final StoredLinks storedLinks;
    private final AdminScopes scopes;

    AdminSetupLinks(AdminSetupLinkRepository links, StoredLinks storedLinks, AdminScopes scopes) {
        this.links = links;
        this.storedLinks = storedLinks;
        this.scopes = scopes;
    }

    StoredLinks.Issued issue(String adminId, String createdBy) {
        return storedLinks.issue(links, links.findByAdminIdAndUsedAtIsNull(adminId), VALIDITY,
                (hash, now, validUntil) -> new AdminSetupLink(adminId, hash, createdBy, now, validUntil));
    }

    /** The link behind the token if it works now; {@code lock}: held until the transaction ends (setting it once). */
    AdminSetupLink open(String token, boolean lock) {
        AdminSetupLink link = storedLinks.open(links, token, lock);
        if (!scopes.exists(link.getAdminId())) {
            throw new LinkNotUsableException(); // the account was deleted in Camunda Admin
        }
        return link;
    }

    void used(AdminSetupLink link) {
        storedLinks.used(link);
    }
}
