package com.onboarding.audit;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface AuditEventRepository extends JpaRepository<AuditEvent, Long> {

    List<AuditEvent> findBySubjectUserIdOrderByOccurredAtAsc(Long subjectUserId);

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
}
