package com.onboarding.privileges;

import jakarta.persistence.LockModeType;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface PrivilegeChangeRepository extends JpaRepository<PrivilegeChange, Long> {

    /** Locks the change: a decision and a newer edit of the same user run one after the other. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from PrivilegeChange c where c.id = :id")
    Optional<PrivilegeChange> findForUpdate(@Param("id") Long id);

    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select c from PrivilegeChange c where c.user.id = :userId and c.status = 'PENDING'")
    Optional<PrivilegeChange> findPendingForUpdate(@Param("userId") Long userId);

    @Query("select c from PrivilegeChange c where c.user.id in :userIds and c.status = 'PENDING'")
    List<PrivilegeChange> findPending(@Param("userIds") Collection<Long> userIds);

    List<PrivilegeChange> findByUserId(Long userId);
}
