package com.onboarding.invitation;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface InvitationRepository extends JpaRepository<Invitation, Long> {

    /**
     * Loads the invitation and locks its row until the transaction ends. Every action on an invitation (admin
     * action, process step, registration) takes this lock first, so actions on one invitation run one after the
     * other, in the same lock order (invitation row, then engine rows): the later one sees the earlier one's
     * outcome instead of a half-deleted execution tree.
     */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select i from Invitation i where i.id = :id")
    Optional<Invitation> findForUpdate(@Param("id") Long id);

    @Query("select i.id from Invitation i where i.tokenHash = :tokenHash")
    Optional<Long> findIdByTokenHash(@Param("tokenHash") String tokenHash);

    Optional<Invitation> findByTokenHash(String tokenHash);

    List<Invitation> findByUserIdOrderByCreatedAtDesc(Long userId);

    long countByStatus(InvitationStatus status);
}
