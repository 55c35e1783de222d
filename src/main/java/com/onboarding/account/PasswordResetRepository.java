package com.onboarding.account;

import com.onboarding.links.StoredLinkRepository;
import java.util.List;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface PasswordResetRepository extends StoredLinkRepository<PasswordReset> {

    List<PasswordReset> findByUserIdAndUsedAtIsNull(Long userId);

    @Modifying
    @Query("delete from PasswordReset r where r.user.id = :userId")
    void deleteByUserId(@Param("userId") Long userId);
}
