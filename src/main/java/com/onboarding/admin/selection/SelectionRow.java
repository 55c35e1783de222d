package com.onboarding.admin.selection;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;

/** One selected user and what became of them. No name or address: the page reads them from the user. */
@Entity
@Table(name = "user_selection_row")
public class SelectionRow {

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

    protected SelectionRow() {
    }

    SelectionRow(long selectionId, int position, long userId) {
        this.key = new Key(selectionId, position);
        this.userId = userId;
        this.outcome = Outcome.WAITING;
    }

    void done() {
        outcome = Outcome.DONE;
    }

    void refused(String why) {
        outcome = Outcome.REFUSED;
        reason = why.length() > 1000 ? why.substring(0, 1000) : why;
    }

    public Key getKey() {
        return key;
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
