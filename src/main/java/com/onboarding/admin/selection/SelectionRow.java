package com.onboarding.admin.selection;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.PostPersist;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.io.Serializable;
import org.springframework.data.domain.Persistable;

/**
 * One selected user and what became of them. No name or address: the page reads them from the user. Its key is
 * given, not generated, so it says itself when it is new: a selection of 10,000 users inserts 10,000 rows without
 * first looking each one up (Spring Data would merge a keyed entity).
 */
@Entity
@Table(name = "user_selection_row")
public class SelectionRow implements Persistable<SelectionRow.Key> {

    public enum Outcome {
        WAITING, DONE, REFUSED
    }

    @Embeddable
    public record Key(@Column(name = "selection_id") long selectionId, @Column(name = "position") int position)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(name = "user_id", nullable = false)
    private long userId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private Outcome outcome;

    private String reason;

    @Transient
    private boolean isNew;

    protected SelectionRow() {
    }

    SelectionRow(long selectionId, int position, long userId) {
        this.key = new Key(selectionId, position);
        this.userId = userId;
        this.outcome = Outcome.WAITING;
        this.isNew = true;
    }

    @Override
    public Key getId() {
        return key;
    }

    @Override
    public boolean isNew() {
        return isNew;
    }

    @PostPersist
    void stored() {
        isNew = false;
    }

    void done() {
        outcome = Outcome.DONE;
    }

    void refused(String why) {
        outcome = Outcome.REFUSED;
        reason = why.length() > 1000 ? why.substring(0, 1000) : why;
    }

    public long getUserId() {
        return userId;
    }

    public Outcome getOutcome() {
        return outcome;
    }

    public String getReason() {
        return reason;
    }
}
