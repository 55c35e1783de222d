package com.onboarding.providers;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface IdentityProviderRepository extends JpaRepository<IdentityProvider, Long> {

    Optional<IdentityProvider> findByRegistrationId(String registrationId);

    List<IdentityProvider> findByClientIdInOrderByClientName(Collection<Long> clientIds);

    List<IdentityProvider> findByEmailDomain(String emailDomain);
}
