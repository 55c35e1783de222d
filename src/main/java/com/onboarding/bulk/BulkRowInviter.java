package com.onboarding.bulk;

import com.onboarding.ConflictException;
import com.onboarding.ParallelItems;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.RejectedRequestException;
import com.onboarding.bulk.ReferenceNames.Resolved;
import com.onboarding.invitation.InvitationCommands;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invites rows of a sent file, several at once ({@link ParallelItems}: each invitation its own transaction and engine
 * command). A row is invited and marked in one transaction, under the row's lock, so a repeated step never invites a
 * row twice. A passing fault (database gone for a moment) fails the step after the other rows are done.
 */
@Component
class BulkRowInviter {

    private static final Logger LOG = LoggerFactory.getLogger(BulkRowInviter.class);

    private final BulkRowRepository rows;
    private final InvitationCommands invitations;
    private final TransactionTemplate transaction;
    private final ParallelItems parallel;

    BulkRowInviter(BulkRowRepository rows, InvitationCommands invitations, PlatformTransactionManager transactions,
            BulkSettings settings) {
        this.rows = rows;
        this.invitations = invitations;
        this.transaction = new TransactionTemplate(transactions);
        this.parallel = new ParallelItems("bulk-invite", settings.getParallelInvitations());
    }

    /**
     * Invites these rows and returns when each has its outcome. A passing fault (database gone for a moment) is
     * thrown after the others are done: the process step fails, its job retries, the rows left wait for it.
     */
    void invite(List<BulkRow.Key> keys, ReferenceNames names, String personalText, String actor) {
        parallel.each(keys, key -> invite(key, names, personalText, actor));
    }

    private void invite(BulkRow.Key key, ReferenceNames names, String personalText, String actor) {
        try {
            transaction.executeWithoutResult(status -> rows.findForUpdate(key)
                    .filter(row -> row.getOutcome() == RowOutcome.READY)
                    .ifPresent(row -> {
                        Resolved resolved = names.resolve(row.asCsv(), personalText, actor);
                        if (!resolved.unknownNames().isEmpty()) {
                            row.failed(sentence(resolved.unknownNames()));
                            return;
                        }
                        row.invited(invitations.invite(resolved.request()).userId());
                    }));
        } catch (RejectedRequestException e) {
            fail(key, sentence(e.problems()));
        } catch (ConflictException e) {
            fail(key, e.getMessage());
        } catch (TransientDataAccessException | DataAccessResourceFailureException | TransactionException e) {
            throw e;
        } catch (RuntimeException e) {
            LOG.error("Bulk import {}, row {}: could not be invited", key.importId(), key.rowNumber(), e);
            fail(key, "Could not be invited because of an error on the server (" + e.getClass().getSimpleName()
                    + "); invite this person on their own.");
        }
    }

    private void fail(BulkRow.Key key, String reason) {
        transaction.executeWithoutResult(status -> rows.findForUpdate(key)
                .filter(row -> row.getOutcome() == RowOutcome.READY)
                .ifPresent(row -> row.failed(reason)));
    }

    static String sentence(List<Problem> problems) {
        return problems.stream().map(Problem::message).distinct().collect(Collectors.joining(" "));
    }

    @PreDestroy
    void stop() {
        parallel.close();
    }
}
