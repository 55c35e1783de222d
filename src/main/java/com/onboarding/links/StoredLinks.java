package com.onboarding.links;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.springframework.stereotype.Component;

/**
 * The life of a {@link StoredLink} (a password reset, an administrator's set-up): issuing one closes its holder's
 * older links and keeps only the new token's hash; opening one goes through {@link OneTimeLinks}; using it closes it.
 */
@Component
public class StoredLinks {

    /** A link just made: the token for the mail (kept nowhere else) and its end. */
    public record Issued(String token, Instant validUntil) {
    }

    /** Makes the entity of a new link from its token's hash, its start and its end. */
    @FunctionalInterface
    public interface NewLink<T extends StoredLink> {
        T make(String tokenHash, Instant now, Instant validUntil);
    }

    private final LinkTokens tokens;
    private final OneTimeLinks oneTimeLinks;
    private final Clock clock;

    public StoredLinks(LinkTokens tokens, OneTimeLinks oneTimeLinks, Clock clock) {
        this.tokens = tokens;
        this.oneTimeLinks = oneTimeLinks;
        this.clock = clock;
    }

    /** A new link valid for {@code validity}; the {@code older} links of the same holder work no more. */
    public <T extends StoredLink> Issued issue(StoredLinkRepository<T> links, List<T> older, Duration validity,
            NewLink<T> newLink) {
        Instant now = clock.instant();
        older.forEach(link -> link.close(now));
        String token = tokens.newToken();
        Instant validUntil = now.plus(validity);
        links.save(newLink.make(tokens.hash(token), now, validUntil));
        return new Issued(token, validUntil);
    }

    /** The link behind the token if it works now; {@code lock}: held until the transaction ends (using it once). */
    public <T extends StoredLink> T open(StoredLinkRepository<T> links, String token, boolean lock) {
        return oneTimeLinks.open(token,
                hash -> lock ? links.findForUpdateByTokenHash(hash) : links.findByTokenHash(hash));
    }

    public void used(StoredLink link) {
        link.close(clock.instant());
    }
}
