package com.onboarding.audit;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.JpaSpecificationExecutor;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AuditEventRepository extends JpaRepository<AuditEvent, Long>, JpaSpecificationExecutor<AuditEvent> {

    List<AuditEvent> findBySubjectUserIdOrderByOccurredAtAsc(Long subjectUserId);

    List<AuditEvent> findBySubjectUserIdOrderByOccurredAtDescIdDesc(Long subjectUserId);

    /** Each of these users' newest entry of one action (e.g. their last sign-in). */
    @Query("select e.subjectUserId as userId, max(e.occurredAt) as at from AuditEvent e"
            + " where e.action = :action and e.subjectUserId in :userIds group by e.subjectUserId")
    List<LastTime> lastTimes(@Param("action") AuditAction action, @Param("userIds") Collection<Long> userIds);

    interface LastTime {
        Long getUserId();

        Instant getAt();
    }

    /** How often each action happened: the funnel's counters (audit entries are never deleted, only anonymised). */
    @Query("select e.action as action, count(e) as times from AuditEvent e group by e.action")
    List<ActionCount> countByAction();

    interface ActionCount {
        AuditAction getAction();

        long getTimes();
    }

    List<AuditEvent> findBySubjectAdminIdOrderByOccurredAtAsc(String subjectAdminId);

    @Modifying
    @Query("update AuditEvent e set e.actor = :replacement where lower(e.actor) = lower(:actor)")
    int anonymiseActor(@Param("actor") String actor, @Param("replacement") String replacement);

    @Modifying
    @Query("update AuditEvent e set e.details = null where e.subjectUserId = :userId")
    int forgetDetails(@Param("userId") Long userId);
}
