package com.onboarding.audit;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Who did what to whom, and when. */
@Entity
@Table(name = "audit_event")
public class AuditEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "occurred_at", nullable = false)
    private Instant occurredAt;

    @Column(nullable = false)
    private String actor;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private AuditAction action;

    @Column(name = "subject_user_id")
    private Long subjectUserId;

    /** The Camunda user (administrator) the event is about, for changes of accounts, groups and scopes. */
    @Column(name = "subject_admin_id")
    private String subjectAdminId;

    @Column
    private String details;

    protected AuditEvent() {
    }

    AuditEvent(Instant occurredAt, String actor, AuditAction action, Long subjectUserId, String subjectAdminId,
            String details) {
        this.occurredAt = occurredAt;
        this.actor = actor;
        this.action = action;
        this.subjectUserId = subjectUserId;
        this.subjectAdminId = subjectAdminId;
        this.details = details;
    }

    public Long getId() {
        return id;
    }

    public Instant getOccurredAt() {
        return occurredAt;
    }

    public String getActor() {
        return actor;
    }

    public AuditAction getAction() {
        return action;
    }

    public Long getSubjectUserId() {
        return subjectUserId;
    }

    public String getSubjectAdminId() {
        return subjectAdminId;
    }

    public String getDetails() {
        return details;
    }
}
