package com.onboarding.clients;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ClientRepository extends JpaRepository<Client, Long> {

    List<Client> findAllByOrderByNameAsc();

    List<Client> findByIdInOrderByNameAsc(java.util.Collection<Long> ids);

    Optional<Client> findByNameIgnoreCase(String name);
}
