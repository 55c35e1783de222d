package com.onboarding.admin.scopes;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface AdminSetupLinkRepository extends JpaRepository<AdminSetupLink, Long> {

    Optional<AdminSetupLink> findByTokenHash(String tokenHash);

    /** Setting the password holds the link: two submits of one link set it once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select l from AdminSetupLink l where l.tokenHash = :tokenHash")
    Optional<AdminSetupLink> findForUpdate(@Param("tokenHash") String tokenHash);

    List<AdminSetupLink> findByAdminIdAndUsedAtIsNull(String adminId);
}
