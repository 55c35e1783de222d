package com.onboarding.bulk;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An uploaded file of invitations: its preview, then its sending. The rows are {@link BulkRow}s. */
@Entity
@Table(name = "bulk_import")
public class BulkImport {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "file_name", nullable = false)
    private String fileName;

    @Column(name = "file_hash", nullable = false)
    private String fileHash;

    /** The file's hash once sent: unique, so no file is sent twice. */
    @Column(name = "sent_hash")
    private String sentHash;

    @Column(name = "uploaded_by", nullable = false)
    private String uploadedBy;

    @Column(name = "personal_text")
    private String personalText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private BulkImportStatus status;

    @Column(name = "uploaded_at", nullable = false)
    private Instant uploadedAt;

    @Column(name = "sent_at")
    private Instant sentAt;

    @Column(name = "finished_at")
    private Instant finishedAt;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    protected BulkImport() {
    }

    BulkImport(String fileName, String fileHash, String uploadedBy, String personalText, Instant uploadedAt) {
        this.fileName = fileName;
        this.fileHash = fileHash;
        this.uploadedBy = uploadedBy;
        this.personalText = personalText;
        this.uploadedAt = uploadedAt;
        this.status = BulkImportStatus.PREVIEW;
    }

    void send(Instant now) {
        status = BulkImportStatus.RUNNING;
        sentHash = fileHash;
        sentAt = now;
    }

    void linkToProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    /** Whether this process instance sends this import: a step with a rewritten variable acts on nothing. */
    boolean isSentBy(String processInstanceId) {
        return status == BulkImportStatus.RUNNING && processInstanceId.equals(this.processInstanceId);
    }

    void finish(Instant now) {
        status = BulkImportStatus.DONE;
        finishedAt = now;
    }

    public Long getId() {
        return id;
    }

    public String getFileName() {
        return fileName;
    }

    String getFileHash() {
        return fileHash;
    }

    public String getUploadedBy() {
        return uploadedBy;
    }

    public String getPersonalText() {
        return personalText;
    }

    public BulkImportStatus getStatus() {
        return status;
    }

    public Instant getUploadedAt() {
        return uploadedAt;
    }

    public Instant getSentAt() {
        return sentAt;
    }

    public Instant getFinishedAt() {
        return finishedAt;
    }
}
