package com.onboarding.admin.scopes;

import com.onboarding.links.StoredLinkRepository;
import java.util.List;

interface AdminSetupLinkRepository extends StoredLinkRepository<AdminSetupLink> {

    List<AdminSetupLink> findByAdminIdAndUsedAtIsNull(String adminId);
}
