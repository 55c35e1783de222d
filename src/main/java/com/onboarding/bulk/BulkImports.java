package com.onboarding.bulk;

import com.onboarding.ConflictException;
import com.onboarding.NotFoundException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.bulk.ReferenceNames.Resolved;
import com.onboarding.engine.EngineActor;
import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationRejectedException;
import com.onboarding.invitation.InvitationRules;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.scopes.Grants;
import com.onboarding.users.PermissionRepository;
import com.onboarding.users.RoleRepository;
import com.onboarding.users.UserAccount;
import jakarta.persistence.EntityManager;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Bulk invite: a file is read and every row checked with the same rules as a single invitation (the preview); "Send"
 * starts the process that invites the valid rows in the background, step by step. A file is sent once: uploading it
 * again shows the earlier import. An import is seen by whoever uploaded it and by global admins.
 */
@Service
public class BulkImports {

    /** Rows shown on an import's page; the result file has all. */
    static final int ROWS_SHOWN = 200;

    private final BulkImportRepository imports;
    private final BulkRowRepository rows;
    private final BulkRowInviter inviter;
    private final BulkSettings settings;
    private final InvitationRules rules;
    private final Grants grants;
    private final AdminScopes adminScopes;
    private final RoleRepository roles;
    private final PermissionRepository permissions;
    private final AuditLog audit;
    private final RuntimeService runtime;
    private final EngineActor engineActor;
    private final EntityManager entityManager;
    private final Clock clock;
    private final Texts text;

    public BulkImports(BulkImportRepository imports, BulkRowRepository rows, BulkRowInviter inviter,
            BulkSettings settings, InvitationRules rules, Grants grants, AdminScopes adminScopes, RoleRepository roles,
            PermissionRepository permissions, AuditLog audit, RuntimeService runtime, EngineActor engineActor,
            EntityManager entityManager, Clock clock, Texts text) {
        this.imports = imports;
        this.rows = rows;
        this.inviter = inviter;
        this.settings = settings;
        this.rules = rules;
        this.grants = grants;
        this.adminScopes = adminScopes;
        this.roles = roles;
        this.permissions = permissions;
        this.audit = audit;
        this.runtime = runtime;
        this.engineActor = engineActor;
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
        ReferenceNames names = names(scope);
        Map<String, Integer> firstRowOf = new HashMap<>();
        // Every row is checked before any is stored: a query's automatic flush would check each stored row again.
        List<String> problems = csvRows.stream().map(row -> problem(row, names, sharedText, scope, firstRowOf)).toList();
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
        bulk.linkToProcess(engineActor.runAs(scope.adminId(), () -> runtime
                .createProcessInstanceByKey(BulkInvitationProcess.KEY)
                .businessKey(BulkInvitationProcess.businessKey(bulk.getId()))
                .setVariables(Map.of(BulkInvitationProcess.IMPORT_ID.name(), bulk.getId()))
                .execute()).getId());
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

    /**
     * Process step "Invite the next rows": invites up to {@code rows-per-step} waiting rows as the admin who sent the
     * file, with the scope they have now. Returns whether rows are left.
     */
    public boolean inviteNextRows(long importId, String processInstanceId) {
        BulkImport bulk = sentBy(importId, processInstanceId);
        List<BulkRow.Key> next = rows.keysByOutcome(importId, RowOutcome.READY,
                PageRequest.of(0, settings.getRowsPerStep()));
        if (next.isEmpty()) {
            return false;
        }
        AdminScope scope = adminScopes.of(bulk.getUploadedBy());
        inviter.invite(next, names(scope), bulk.getPersonalText(), bulk.getUploadedBy());
        return !rows.keysByOutcome(importId, RowOutcome.READY, PageRequest.of(0, 1)).isEmpty();
    }

    /** Process step "Close the import". */
    @Transactional
    public void finish(long importId, String processInstanceId) {
        sentBy(importId, processInstanceId).finish(clock.instant());
    }

    private BulkImport sentBy(long importId, String processInstanceId) {
        BulkImport bulk = imports.findById(importId).orElseThrow(() -> new NotFoundException("Import", importId));
        if (!bulk.isSentBy(processInstanceId)) {
            throw new BadUserRequestException("Process instance " + processInstanceId + " does not send import "
                    + importId + "; imports are sent through the application only.");
        }
        return bulk;
    }

    /** "Delete user": their rows stay counted, without their address or name. */
    @Transactional
    public void forget(long userId, String email) {
        for (BulkRow row : rows.findByPerson(userId, UserAccount.normalizeEmail(email))) {
            row.forget("deleted user #" + userId);
        }
    }

    /** The row's problems in one sentence, or null: the same rules as a single invitation, plus no address twice. */
    private String problem(CsvRow row, ReferenceNames names, String personalText, AdminScope scope,
            Map<String, Integer> firstRowOf) {
        Resolved resolved = names.resolve(row, personalText, scope.adminId());
        List<Problem> problems = new ArrayList<>(resolved.unknownNames());
        Set<String> unknown = resolved.unknownNames().stream().map(Problem::field).collect(Collectors.toSet());
        try {
            rules.check(resolved.request(), scope);
        } catch (InvitationRejectedException e) {
            e.problems().stream().filter(p -> !unknown.contains(p.field())).forEach(problems::add);
        }
        if (row.email() != null) {
            Integer first = firstRowOf.putIfAbsent(UserAccount.normalizeEmail(row.email()), row.number());
            if (first != null) {
                problems.add(new Problem("email", text.of("bulk.duplicate", row.email(), first)));
            }
        }
        return problems.isEmpty() ? null : BulkRowInviter.sentence(problems);
    }

    /**
     * The roles' names as a file may write them (either language, any case) to their name on the page: the preview
     * shows a role in the reader's language, whatever the file said ("Standardbenutzer" on an English page).
     */
    @Transactional(readOnly = true)
    public Map<String, String> roleNames() {
        Map<String, String> shown = new HashMap<>();
        roles.findAllByOrderByNameAsc().forEach(role -> role.names()
                .forEach(written -> shown.put(written.toLowerCase(Locale.ROOT), role.getName())));
        return shown;
    }

    private ReferenceNames names(AdminScope scope) {
        return new ReferenceNames(roles.findAllByOrderByNameAsc(), permissions.findAllByOrderByNameAsc(),
                grants.clients(scope), text);
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
