package com.onboarding.terms;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface TermsAcceptanceRepository extends JpaRepository<TermsAcceptance, Long> {

    boolean existsByUserIdAndTermsId(long userId, long termsId);

    List<TermsAcceptance> findByUserIdOrderByAcceptedAtDesc(long userId);
}
