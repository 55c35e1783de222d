package com.onboarding.scopes;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;

interface AdminPermissionScopeRepository extends JpaRepository<AdminPermissionScope, AdminPermissionScope.Key> {

    List<AdminPermissionScope> findByAdminId(String adminId);

    @Modifying
    @Query("delete from AdminPermissionScope s where s.adminId = :adminId")
    void deleteByAdminId(String adminId);
}
