package com.onboarding.links;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.stereotype.Component;

/**
 * Opening a one-time link, for invitations and password resets alike: a malformed token never reaches the database,
 * a well-formed one is looked up by its hash (the token itself is stored nowhere), and the link must admit its holder
 * at this very instant. Every failure is the same {@link LinkNotUsableException}: nobody learns why.
 */
@Component
public class OneTimeLinks {

    private final LinkTokens tokens;
    private final Clock clock;

    public OneTimeLinks(LinkTokens tokens, Clock clock) {
        this.tokens = tokens;
        this.clock = clock;
    }

    /** The link behind this token, looked up by hash, if it admits its holder now. */
    public <T extends OneTimeLink> T open(String token, Function<String, Optional<T>> findByHash) {
        if (!tokens.isWellFormed(token)) {
            throw new LinkNotUsableException();
        }
        return findByHash.apply(tokens.hash(token))
                .filter(link -> link.admits(clock.instant()))
                .orElseThrow(LinkNotUsableException::new);
    }
}
