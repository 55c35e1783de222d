package com.onboarding.bulk;

import com.onboarding.ConflictException;
import com.onboarding.NotFoundException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.invitation.Invitation;
import com.onboarding.scopes.AdminScope;
import com.onboarding.users.UserAccount;
import jakarta.persistence.EntityManager;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.EnumMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk invite: a file is read and every row checked with the same rules as a single invitation (the preview); "Send"
 * starts the process that invites the valid rows in the background, step by step. A file is sent once: uploading it
 * again shows the earlier import. An import is seen by whoever uploaded it and by global admins. This is what an admin
 * does; what the process does is {@link BulkImportSteps}.
 */
@Service
public class BulkImports {

    /** Rows shown on an import's page; the result file has all. */
    static final int ROWS_SHOWN = 200;

    /** Published when an admin sends a previewed file; its process starts in the same transaction. */
    public record Sent(long importId, String adminId) {
    }

    private final BulkImportRepository imports;
    private final BulkRowRepository rows;
    private final BulkRowChecks checks;
    private final BulkNames names;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Texts text;

    BulkImports(BulkImportRepository imports, BulkRowRepository rows, BulkRowChecks checks, BulkNames names,
            AuditLog audit, ApplicationEventPublisher events, EntityManager entityManager, Clock clock, Texts text) {
        this.imports = imports;
        this.rows = rows;
        this.checks = checks;
        this.names = names;
        this.audit = audit;
        this.events = events;
        this.entityManager = entityManager;
        this.clock = clock;
        this.text = text;
    }

    /**
     * Reads the file and checks every row; stores the preview (nothing is sent). The same file, sent before, is not
     * checked again: its import is returned, marked {@code alreadySent}.
     */
    @Transactional
    public BulkSummary preview(String fileName, byte[] content, String personalText, AdminScope scope) {
        String sharedText = personalText == null || personalText.isBlank() ? null : personalText.trim();
        if (sharedText != null && sharedText.length() > Invitation.MAX_PERSONAL_TEXT) {
            throw new RejectedRequestException(text.of("bulk.notRead"), List.of(new Problem("personalText",
                    text.of("bulk.personalText.tooLong", Invitation.MAX_PERSONAL_TEXT))));
        }
        String hash = sha256(content);
        BulkImport earlier = imports.findBySentHash(hash).orElse(null);
        if (earlier != null) {
            if (!visible(earlier, scope)) {
                throw new ConflictException(text.of("bulk.sentByOther"));
            }
            return summary(earlier, true);
        }
        List<CsvRow> csvRows;
        try {
            csvRows = BulkCsv.read(content);
        } catch (BulkFileRejectedException e) {
            throw new RejectedRequestException(text.of("bulk.notRead"),
                    List.of(new Problem("file", text.of(e.key(), e.args()))));
        }
        // Every row is checked before any is stored: a query's automatic flush would check each stored row again.
        List<String> problems = checks.problems(csvRows, sharedText, scope);
        BulkImport bulk = imports.save(new BulkImport(name(fileName), hash, scope.adminId(), sharedText, clock.instant()));
        for (int i = 0; i < csvRows.size(); i++) {
            entityManager.persist(new BulkRow(bulk.getId(), csvRows.get(i), problems.get(i)));
        }
        entityManager.flush();
        return summary(bulk, false);
    }

    /**
     * "Send": the valid rows are invited in the background. Sending again (a double click, a second admin) changes
     * nothing; another upload of the same file that was sent meanwhile is refused.
     */
    @Transactional
    public BulkSummary send(long importId, AdminScope scope) {
        BulkImport bulk = imports.findForUpdate(importId).orElseThrow(() -> new NotFoundException("Import", importId));
        requireVisible(bulk, scope);
        if (bulk.getStatus() != BulkImportStatus.PREVIEW) {
            return summary(bulk, true);
        }
        imports.findBySentHash(bulk.getFileHash()).ifPresent(other -> {
            throw new ConflictException(text.of("bulk.alreadySent", other.getId()));
        });
        bulk.send(clock.instant());
        try {
            imports.saveAndFlush(bulk);
        } catch (DataIntegrityViolationException e) {
            throw new ConflictException(text.of("bulk.sentMeanwhile"));
        }
        BulkSummary summary = summary(bulk, false);
        audit.record(scope.adminId(), AuditAction.BULK_INVITATION_SENT, null, "import " + bulk.getId() + " ("
                + bulk.getFileName() + "): " + summary.valid() + " of " + summary.total() + " rows to invite");
        events.publishEvent(new Sent(bulk.getId(), scope.adminId()));
        return summary;
    }

    @Transactional(readOnly = true)
    public BulkSummary summary(long importId, AdminScope scope) {
        BulkImport bulk = imports.findById(importId).orElseThrow(() -> new NotFoundException("Import", importId));
        requireVisible(bulk, scope);
        return summary(bulk, false);
    }

    /** Every row with its outcome, in file order: the result file. */
    @Transactional(readOnly = true)
    public List<BulkRow> result(long importId, AdminScope scope) {
        BulkImport bulk = imports.findById(importId).orElseThrow(() -> new NotFoundException("Import", importId));
        requireVisible(bulk, scope);
        return rows.inFileOrder(importId);
    }

    /** "Delete user": their rows stay counted, without their address or name. */
    @Transactional
    public void forget(long userId, String email) {
        for (BulkRow row : rows.findByPerson(userId, UserAccount.normalizeEmail(email))) {
            row.forget("deleted user #" + userId);
        }
    }

    /** The roles' names as a file may write them, to their name on the page in the reader's language. */
    public Map<String, String> roleNames() {
        return names.roleNames();
    }

    private BulkSummary summary(BulkImport bulk, boolean alreadySent) {
        Map<RowOutcome, Long> counts = new EnumMap<>(RowOutcome.class);
        rows.countByOutcome(bulk.getId()).forEach(count -> counts.put(count.getOutcome(), count.getRows()));
        return new BulkSummary(bulk, counts, rows.problemsFirst(bulk.getId(), PageRequest.of(0, ROWS_SHOWN)),
                alreadySent);
    }

    /** Someone else's import does not exist, for a scoped admin: the rows name people of other clients. */
    private static void requireVisible(BulkImport bulk, AdminScope scope) {
        if (!visible(bulk, scope)) {
            throw new NotFoundException("Import", bulk.getId());
        }
    }

    private static boolean visible(BulkImport bulk, AdminScope scope) {
        return scope.global() || bulk.getUploadedBy().equals(scope.adminId());
    }

    private static String name(String fileName) {
        String name = fileName == null || fileName.isBlank() ? "upload.csv" : fileName.replaceAll("[\\p{Cntrl}]", "");
        return name.length() > 255 ? name.substring(0, 255) : name;
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
