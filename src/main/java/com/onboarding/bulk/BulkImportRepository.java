package com.onboarding.bulk;

import jakarta.persistence.LockModeType;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BulkImportRepository extends JpaRepository<BulkImport, Long> {

    /** "Send" takes this lock first: a double click sends once. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select b from BulkImport b where b.id = :id")
    Optional<BulkImport> findForUpdate(@Param("id") Long id);

    Optional<BulkImport> findBySentHash(String sentHash);
}
