package com.onboarding.bulk;

import com.onboarding.NotFoundException;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.AdminScopes;
import java.time.Clock;
import java.util.List;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the process bpmn/bulk-invitation.bpmn does to a sent file (its delegates call here, nothing else does): invite
 * the next rows, close the import. What an admin does is {@link BulkImports}. Each step checks that the instance is
 * the one the application started for the import, so a rewritten variable invites nothing.
 */
@Service
public class BulkImportSteps {

    private final BulkImportRepository imports;
    private final BulkRowRepository rows;
    private final BulkRowInviter inviter;
    private final BulkNames names;
    private final BulkSettings settings;
    private final AdminScopes adminScopes;
    private final Clock clock;

    BulkImportSteps(BulkImportRepository imports, BulkRowRepository rows, BulkRowInviter inviter, BulkNames names,
            BulkSettings settings, AdminScopes adminScopes, Clock clock) {
        this.imports = imports;
        this.rows = rows;
        this.inviter = inviter;
        this.names = names;
        this.settings = settings;
        this.adminScopes = adminScopes;
        this.clock = clock;
    }

    /** The instance the application started for the import: the only one its steps will act for. */
    @Transactional
    public void started(long importId, String processInstanceId) {
        imports.findById(importId).orElseThrow(() -> new NotFoundException("Import", importId))
                .linkToProcess(processInstanceId);
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
        inviter.invite(next, names.of(scope), bulk.getPersonalText(), bulk.getUploadedBy());
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
            throw new IllegalStateException("Process instance " + processInstanceId + " does not send import "
                    + importId + "; imports are sent through the application only.");
        }
        return bulk;
    }
}
