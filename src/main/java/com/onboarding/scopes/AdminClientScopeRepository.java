package com.onboarding.scopes;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AdminClientScopeRepository extends JpaRepository<AdminClientScope, AdminClientScope.Key> {

    List<AdminClientScope> findByAdminId(String adminId);

    @Modifying
    @Query("delete from AdminClientScope s where s.adminId = :adminId")
    void deleteByAdminId(String adminId);
}
