package com.onboarding.links;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.repository.NoRepositoryBean;

/** What every table of {@link StoredLink}s answers: a link by its token's hash, read or held. */
@NoRepositoryBean
public interface StoredLinkRepository<T extends StoredLink> extends JpaRepository<T, Long> {

    Optional<T> findByTokenHash(String tokenHash);

    /** Held until the transaction ends: two submissions of one link cannot both use it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    Optional<T> findForUpdateByTokenHash(String tokenHash);
}
