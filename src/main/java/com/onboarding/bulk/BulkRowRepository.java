package com.onboarding.bulk;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface BulkRowRepository extends JpaRepository<BulkRow, BulkRow.Key> {

    /** A row is invited under this lock, in the same transaction that records its outcome: never twice. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from BulkRow r where r.key = :key")
    Optional<BulkRow> findForUpdate(@Param("key") BulkRow.Key key);

    @Query("select r.key from BulkRow r where r.key.importId = :importId and r.outcome = :outcome "
            + "order by r.key.rowNumber")
    List<BulkRow.Key> keysByOutcome(@Param("importId") long importId, @Param("outcome") RowOutcome outcome,
            Pageable page);

    @Query("select r.outcome as outcome, count(r) as rows from BulkRow r where r.key.importId = :importId "
            + "group by r.outcome")
    List<OutcomeCount> countByOutcome(@Param("importId") long importId);

    /** Problems first, then in file order. */
    @Query("select r from BulkRow r where r.key.importId = :importId order by case when r.outcome in "
            + "(com.onboarding.bulk.RowOutcome.INVALID, com.onboarding.bulk.RowOutcome.FAILED) then 0 else 1 end, "
            + "r.key.rowNumber")
    List<BulkRow> problemsFirst(@Param("importId") long importId, Pageable page);

    @Query("select r from BulkRow r where r.key.importId = :importId order by r.key.rowNumber")
    List<BulkRow> inFileOrder(@Param("importId") long importId);

    @Query("select r from BulkRow r where r.userId = :userId or lower(r.email) = :email")
    List<BulkRow> findByPerson(@Param("userId") long userId, @Param("email") String normalizedEmail);

    @Modifying
    @Query("delete from BulkRow r where r.key.importId = :importId")
    void deleteByImport(@Param("importId") long importId);

    interface OutcomeCount {
        RowOutcome getOutcome();

        long getRows();
    }
}
