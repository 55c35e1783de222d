package com.onboarding.account;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PasswordResetRepository extends JpaRepository<PasswordReset, Long> {

    Optional<PasswordReset> findByTokenHash(String tokenHash);

    /** Locked until the transaction ends: two submissions of one link cannot both use it. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from PasswordReset r where r.tokenHash = :tokenHash")
    Optional<PasswordReset> findForUpdate(@Param("tokenHash") String tokenHash);

    List<PasswordReset> findByUserIdAndUsedAtIsNull(Long userId);

    @Modifying
    @Query("delete from PasswordReset r where r.user.id = :userId")
    void deleteByUserId(@Param("userId") Long userId);
}
