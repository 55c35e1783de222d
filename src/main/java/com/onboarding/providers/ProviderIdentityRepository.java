package com.onboarding.providers;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface ProviderIdentityRepository extends JpaRepository<ProviderIdentity, Long> {

    Optional<ProviderIdentity> findByIssuerAndSubject(String issuer, String subject);
}
