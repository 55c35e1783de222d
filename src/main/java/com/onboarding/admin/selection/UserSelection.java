package com.onboarding.admin.selection;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** Users an admin selected and the action confirmed for all of them; the users are {@link SelectionRow}s. */
@Entity
@Table(name = "user_selection")
public class UserSelection {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private SelectionAction action;

    @Column(nullable = false)
    private String actor;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected UserSelection() {
    }

    UserSelection(SelectionAction action, String actor, Instant createdAt) {
        this.action = action;
        this.actor = actor;
        this.createdAt = createdAt;
    }

    void started(String instanceId) {
        this.processInstanceId = instanceId;
    }

    /** Only the instance the application started for it acts on it (not one started from /engine-rest). */
    boolean isRunBy(String instanceId) {
        return processInstanceId != null && processInstanceId.equals(instanceId);
    }

    void finish(Instant now) {
        this.finishedAt = now;
    }

    public Long getId() {
        return id;
    }

    public SelectionAction getAction() {
        return action;
    }

    public String getActor() {
        return actor;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
