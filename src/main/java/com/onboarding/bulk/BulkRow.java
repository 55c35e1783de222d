package com.onboarding.bulk;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.io.Serializable;

/**
 * One row of an uploaded file, as written (role, permissions and clients by name), and what became of it. Rows are
 * numbered as a spreadsheet shows them: the header is row 1, the first person row 2.
 */
@Entity
@Table(name = "bulk_import_row")
public class BulkRow {

    /** The row's key: its file and its number. */
    @Embeddable
    public record Key(@Column(name = "import_id") long importId, @Column(name = "row_number") int rowNumber)
            implements Serializable {
    }

    @EmbeddedId
    private Key key;

    @Column(nullable = false)
    private String email;

    @Column(name = "first_name")
    private String firstName;

    @Column(name = "last_name")
    private String lastName;

    private String language;

    private String role;

    private String permissions;

    private String clients;

    @Column(name = "link_validity_days")
    private String linkValidityDays;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private RowOutcome outcome;

    private String message;

    @Column(name = "user_id")
    private Long userId;

    protected BulkRow() {
    }

    BulkRow(long importId, CsvRow row, String problem) {
        this.key = new Key(importId, row.number());
        this.email = fit(row.email(), 254);
        this.firstName = fit(row.firstName(), 100);
        this.lastName = fit(row.lastName(), 100);
        this.language = fit(row.language(), 20);
        this.role = fit(row.role(), 100);
        this.permissions = fit(row.permissions(), 1000);
        this.clients = fit(row.clients(), 2000);
        this.linkValidityDays = fit(row.linkValidityDays(), 20);
        this.outcome = problem == null ? RowOutcome.READY : RowOutcome.INVALID;
        this.message = fit(problem, 2000);
    }

    /** The row as the file had it, for inviting when its turn comes. */
    CsvRow asCsv() {
        return new CsvRow(key.rowNumber(), email, firstName, lastName, language, role, permissions, clients,
                linkValidityDays);
    }

    void invited(long userId) {
        this.outcome = RowOutcome.INVITED;
        this.userId = userId;
        this.message = null;
    }

    void failed(String reason) {
        this.outcome = RowOutcome.FAILED;
        this.message = fit(reason, 2000);
    }

    /** "Delete user": the row stays for the import's counts, without the person. */
    void forget(String replacement) {
        this.email = replacement;
        this.firstName = null;
        this.lastName = null;
    }

    /** Values longer than their column are refused by the preview anyway; stored shortened, they stay readable. */
    private static String fit(String value, int max) {
        return value == null || value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    public int getRowNumber() {
        return key.rowNumber();
    }

    public String getEmail() {
        return email;
    }

    public String getName() {
        return ((firstName == null ? "" : firstName) + " " + (lastName == null ? "" : lastName)).trim();
    }

    public String getRole() {
        return role;
    }

    public String getClients() {
        return clients;
    }

    public RowOutcome getOutcome() {
        return outcome;
    }

    public String getMessage() {
        return message;
    }

    public Long getUserId() {
        return userId;
    }
}
