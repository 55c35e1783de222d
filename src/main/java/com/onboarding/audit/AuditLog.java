package com.onboarding.audit;

import java.time.Clock;
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

    /** Replaces a deleted user's email as actor, so the entries stay without naming the person. */
    public void anonymise(String actor, String replacement) {
        events.anonymiseActor(actor, replacement);
    }

    /** An event about a user of the business application (subject may be null, e.g. a failed sign-in). */
    public void record(String actor, AuditAction action, Long subjectUserId, String details) {
        events.save(new AuditEvent(clock.instant(), actor, action, subjectUserId, null, details));
    }

    /** An event about an administrator (a Camunda user): their account, groups, scope and sign-ins. */
    public void recordAboutAdmin(String actor, AuditAction action, String adminId, String details) {
        events.save(new AuditEvent(clock.instant(), actor == null ? SYSTEM : actor, action, null, adminId, details));
    }
}
