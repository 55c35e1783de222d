package com.onboarding.audit;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.stereotype.Service;

/** Writes audit entries in the caller's transaction: an action and its audit entry commit together. */
@Service
public class AuditLog {

    /** Actor name for steps the system takes on its own (timers). */
    public static final String SYSTEM = "system";

    private final AuditEventRepository events;
    private final Clock clock;

    public AuditLog(AuditEventRepository events, Clock clock) {
        this.events = events;
        this.clock = clock;
    }

    /**
     * A deleted user's entries stay without naming the person: their email as actor becomes the replacement, and the
     * details of entries about them go (an edit's details hold the names before and after, a rejection its reason).
     */
    public void anonymise(long userId, String email, String replacement) {
        events.anonymiseActor(email, replacement);
        events.forgetDetails(userId);
    }

    /** An event about a user of the business application (subject may be null, e.g. a failed sign-in). */
    public void record(String actor, AuditAction action, Long subjectUserId, String details) {
        events.save(new AuditEvent(clock.instant(), actor, action, subjectUserId, null, details));
    }

    /** When each of these users last signed in; users who never did are missing. */
    public Map<Long, Instant> lastSignIns(Collection<Long> userIds) {
        return userIds.isEmpty() ? Map.of() : events.lastTimes(AuditAction.SIGN_IN, userIds).stream()
                .collect(Collectors.toMap(AuditEventRepository.LastTime::getUserId, AuditEventRepository.LastTime::getAt));
    }

    /** An event about an administrator (a Camunda user): their account, groups, scope and sign-ins. */
    public void recordAboutAdmin(String actor, AuditAction action, String adminId, String details) {
        events.save(new AuditEvent(clock.instant(), actor == null ? SYSTEM : actor, action, null, adminId, details));
    }
}
