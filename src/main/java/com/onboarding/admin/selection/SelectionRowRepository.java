package com.onboarding.admin.selection;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

interface SelectionRowRepository extends JpaRepository<SelectionRow, SelectionRow.Key> {

    /** A user is acted on under this lock, in the transaction that records the outcome: never twice. */
    @Lock(LockModeType.PESSIMISTIC_WRITE)
    @Query("select r from SelectionRow r where r.key = :key")
    Optional<SelectionRow> findForUpdate(@Param("key") SelectionRow.Key key);

    @Query("select r.key from SelectionRow r where r.key.selectionId = :selectionId and r.outcome = :outcome "
            + "order by r.key.position")
    List<SelectionRow.Key> keysByOutcome(@Param("selectionId") long selectionId,
            @Param("outcome") SelectionRow.Outcome outcome, Pageable page);

    @Query("select r.outcome as outcome, count(r) as rows from SelectionRow r where r.key.selectionId = :selectionId "
            + "group by r.outcome")
    List<OutcomeCount> countByOutcome(@Param("selectionId") long selectionId);

    /** Refusals first, then in the order selected. */
    @Query("select r from SelectionRow r where r.key.selectionId = :selectionId order by case when r.outcome = "
            + "com.onboarding.admin.selection.SelectionRow.Outcome.REFUSED then 0 else 1 end, r.key.position")
    List<SelectionRow> refusalsFirst(@Param("selectionId") long selectionId, Pageable page);

    /** A deleted user's refusals named them ("… ina@example.com is Deactivated"): the reasons go. */
    @Modifying
    @Query("update SelectionRow r set r.reason = null where r.userId = :userId")
    int forgetReasons(@Param("userId") long userId);

    interface OutcomeCount {
        SelectionRow.Outcome getOutcome();

        long getRows();
    }
}
