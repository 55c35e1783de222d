package com.onboarding.admin.selection;

import com.onboarding.ParallelItems;
import com.onboarding.Texts;
import com.onboarding.admin.users.UserAccountActions;
import com.onboarding.admin.users.UserAdministration;
import com.onboarding.language.AdminLanguages;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.web.Refusal;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.TransientDataAccessException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Acts on selected users, several at once ({@link ParallelItems}: each user in a transaction and engine command of
 * their own), through the very call of the row's single action: the same rules, scope and audit. The user is acted on
 * and their row marked in one transaction, under the row's lock, so a repeated step never acts twice. A refusal is
 * kept with its sentence, in the admin's language; a passing fault fails the step, which retries.
 */
@Component
class SelectionRowActor {

    private static final Logger LOG = LoggerFactory.getLogger(SelectionRowActor.class);
    static final int PARALLEL = 4;

    private final SelectionRowRepository rows;
    private final UserAdministration administration;
    private final UserAccountActions accounts;
    private final AdminScopes adminScopes;
    private final AdminLanguages languages;
    private final TransactionTemplate transaction;
    private final Texts texts;
    private final ParallelItems parallel = new ParallelItems("user-selection", PARALLEL);

    SelectionRowActor(SelectionRowRepository rows, UserAdministration administration, UserAccountActions accounts,
            AdminScopes adminScopes,
            AdminLanguages languages, PlatformTransactionManager transactions, Texts texts) {
        this.rows = rows;
        this.administration = administration;
        this.accounts = accounts;
        this.adminScopes = adminScopes;
        this.languages = languages;
        this.transaction = new TransactionTemplate(transactions);
        this.texts = texts;
    }

    /**
     * Acts on these users as the admin who confirmed: with their scope as it is now (a user who left it since the
     * confirmation is refused, not acted on) and in their language.
     */
    void act(List<SelectionRow.Key> keys, SelectionAction action, String adminId) {
        AdminScope scope = adminScopes.of(adminId);
        Locale language = languages.of(adminId);
        parallel.each(keys, key -> {
            LocaleContextHolder.setLocale(language);
            try {
                act(key, action, scope);
            } finally {
                LocaleContextHolder.resetLocaleContext();
            }
        });
    }

    private void act(SelectionRow.Key key, SelectionAction action, AdminScope scope) {
        try {
            transaction.executeWithoutResult(status -> rows.findForUpdate(key)
                    .filter(row -> row.getOutcome() == SelectionRow.Outcome.WAITING)
                    .ifPresent(row -> {
                        apply(action, row.getUserId(), scope);
                        row.done();
                    }));
        } catch (RuntimeException e) {
            Optional<Refusal> refusal = Refusal.of(e, texts);
            if (refusal.isPresent()) {
                refuse(key, refusal.get().message());
            } else if (e instanceof TransientDataAccessException || e instanceof DataAccessResourceFailureException
                    || e instanceof TransactionException) {
                throw e;
            } else {
                LOG.error("Selection {}, user at {}: {} failed", key.selectionId(), key.position(), action, e);
                refuse(key, texts.of("selection.serverError", e.getClass().getSimpleName()));
            }
        }
    }

    /** The row's single action, as its button on the Users screen calls it. */
    private void apply(SelectionAction action, long userId, AdminScope scope) {
        switch (action) {
            case RESEND -> administration.resendInvitation(userId, scope);
            case CANCEL -> administration.cancelInvitation(userId, scope);
            case DEACTIVATE -> administration.deactivate(userId, scope);
            case REACTIVATE -> administration.reactivate(userId, scope);
            case DELETE -> accounts.delete(userId, scope);
        }
    }

    private void refuse(SelectionRow.Key key, String reason) {
        transaction.executeWithoutResult(status -> rows.findForUpdate(key)
                .filter(row -> row.getOutcome() == SelectionRow.Outcome.WAITING)
                .ifPresent(row -> row.refused(reason)));
    }

    @PreDestroy
    void stop() {
        parallel.close();
    }
}
