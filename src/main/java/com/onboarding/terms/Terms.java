package com.onboarding.terms;

import com.onboarding.PlainText;
import com.onboarding.RejectedRequestException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.Texts;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.clients.Client;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.Grants;
import com.onboarding.users.UserAccount;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Clients' terms: a global admin publishes versions (English and German); a user accepts the current version of each
 * of their clients' terms when registering, and again at the next sign-in after a new version. Every publication and
 * acceptance is in the audit log, and so in the security report.
 */
@Service
public class Terms {

    /** A new version's texts as entered; their shape is declared here. */
    public record NewVersion(
            @NotBlank(message = "{terms.text.required}")
            @Size(max = ClientTerms.MAX_TEXT, message = "{terms.text.tooLong}")
            @PlainText(lines = true)
            String textEn,
            @NotBlank(message = "{terms.text.required}")
            @Size(max = ClientTerms.MAX_TEXT, message = "{terms.text.tooLong}")
            @PlainText(lines = true)
            String textDe) {

        public NewVersion {
            textEn = textEn == null ? null : textEn.strip();
            textDe = textDe == null ? null : textDe.strip();
        }
    }

    private final ClientTermsRepository terms;
    private final TermsAcceptanceRepository acceptances;
    private final Grants grants;
    private final Validator validator;
    private final AuditLog audit;
    private final Clock clock;
    private final Texts texts;

    Terms(ClientTermsRepository terms, TermsAcceptanceRepository acceptances, Grants grants,
            Validator validator, AuditLog audit, Clock clock, Texts texts) {
        this.terms = terms;
        this.acceptances = acceptances;
        this.grants = grants;
        this.validator = validator;
        this.audit = audit;
        this.clock = clock;
        this.texts = texts;
    }

    /** The current version of each of these clients' terms, by client name. */
    @Transactional(readOnly = true)
    public List<ClientTerms> current(Collection<Client> of) {
        return of.isEmpty() ? List.of() : terms.currentOf(of.stream().map(Client::getId).toList());
    }

    /** The current versions this user has not accepted yet. */
    @Transactional(readOnly = true)
    public List<ClientTerms> pending(UserAccount user) {
        return current(user.getClients()).stream()
                .filter(version -> !acceptances.existsByUserIdAndTermsId(user.getId(), version.getId())).toList();
    }

    /** What the user has accepted, newest first. */
    @Transactional(readOnly = true)
    public List<TermsAcceptance> accepted(long userId) {
        return acceptances.findByUserIdOrderByAcceptedAtDesc(userId);
    }

    /**
     * A problem for each pending version the user did not tick; a version ticked on a page that is older than the
     * current one (published meanwhile) counts as not ticked, and the page shows the new text.
     */
    @Transactional(readOnly = true)
    public List<Problem> unaccepted(UserAccount user, Collection<Long> ticked) {
        return pending(user).stream().filter(version -> !ticked.contains(version.getId()))
                .map(version -> new Problem("acceptedTerms", texts.of("terms.mustAccept",
                        version.getClient().getName(), version.getVersion()))).toList();
    }

    /** Records the acceptance of each pending version the user ticked; call after {@link #unaccepted} is empty. */
    @Transactional
    public void accept(UserAccount user, Collection<Long> ticked) {
        Instant now = clock.instant();
        for (ClientTerms version : pending(user)) {
            if (ticked.contains(version.getId())) {
                acceptances.save(new TermsAcceptance(user.getId(), version, now));
                audit.record(user.getEmail(), AuditAction.TERMS_ACCEPTED, user.getId(),
                        "terms of " + version.getClient().getName() + ", version " + version.getVersion());
            }
        }
    }

    /** Versions of one client's terms, newest first; an admin sees those of the clients they administer. */
    @Transactional(readOnly = true)
    public List<ClientTerms> versions(long clientId, AdminScope scope) {
        grants.client(clientId, scope);
        return terms.findByClientIdOrderByVersionDesc(clientId);
    }

    /** A new version, current at once: users of the client accept it when they next sign in. Global admins only. */
    @Transactional
    public ClientTerms publish(long clientId, NewVersion text, AdminScope scope) {
        scope.requireGlobal("publish terms");
        Client client = grants.client(clientId, scope);
        List<Problem> problems = RejectedRequestException.problems(validator.validate(text));
        if (!problems.isEmpty()) {
            throw new RejectedRequestException(texts.of("terms.notPublished"), problems);
        }
        int version = terms.findTopByClientIdOrderByVersionDesc(clientId).map(ClientTerms::getVersion).orElse(0) + 1;
        ClientTerms published = terms.save(new ClientTerms(client, version, text.textEn(), text.textDe(),
                scope.adminId(), clock.instant()));
        audit.record(scope.adminId(), AuditAction.TERMS_PUBLISHED, null,
                "terms of " + client.getName() + ", version " + version);
        return published;
    }

}
