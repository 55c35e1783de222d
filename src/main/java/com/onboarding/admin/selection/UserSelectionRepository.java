package com.onboarding.admin.selection;

import org.springframework.data.jpa.repository.JpaRepository;

interface UserSelectionRepository extends JpaRepository<UserSelection, Long> {
}
