package com.onboarding.terms;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface ClientTermsRepository extends JpaRepository<ClientTerms, Long> {

    /** The newest version of each of these clients' terms (clients without terms have none). */
    @Query("select t from ClientTerms t where t.client.id in ?1 and t.version ="
            + " (select max(u.version) from ClientTerms u where u.client = t.client) order by t.client.name")
    List<ClientTerms> currentOf(Collection<Long> clientIds);

    Optional<ClientTerms> findTopByClientIdOrderByVersionDesc(long clientId);

    List<ClientTerms> findByClientIdOrderByVersionDesc(long clientId);
}
