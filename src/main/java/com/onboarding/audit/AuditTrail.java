package com.onboarding.audit;

import com.onboarding.users.UserAccount;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.domain.Sort;
import org.springframework.data.jpa.domain.Specification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The audit log read back: one user's story, and the audit screen's filtered list, newest first. */
@Service
public class AuditTrail {

    /**
     * Which entries: by an actor whose name contains {@code actor}; about a user whose email contains
     * {@code subject} or the administrator named {@code subject}; of one action; from (inclusive) until (exclusive)
     * two instants. Texts in any case; every part is optional.
     */
    public record Filter(String actor, String subject, AuditAction action, Instant from, Instant until) {
    }

    private static final Sort NEWEST_FIRST = Sort.by(Sort.Order.desc("occurredAt"), Sort.Order.desc("id"));

    private final AuditEventRepository events;

    AuditTrail(AuditEventRepository events) {
        this.events = events;
    }

    /** Everything recorded about one user of the business application, newest first. */
    @Transactional(readOnly = true)
    public List<AuditEvent> aboutUser(long userId) {
        return events.findBySubjectUserIdOrderByOccurredAtDescIdDesc(userId);
    }

    /** One page of {@code size} entries that match, newest first. */
    @Transactional(readOnly = true)
    public Page<AuditEvent> search(Filter filter, int page, int size) {
        return events.findAll(matching(filter), PageRequest.of(page, size, NEWEST_FIRST));
    }

    static Specification<AuditEvent> matching(Filter filter) {
        return (root, query, cb) -> {
            List<Predicate> all = new ArrayList<>();
            if (present(filter.actor())) {
                all.add(cb.like(cb.lower(root.get("actor")), contains(filter.actor()), '\\'));
            }
            if (present(filter.subject())) {
                Subquery<Long> users = query.subquery(Long.class);
                Root<UserAccount> user = users.from(UserAccount.class);
                users.select(user.get("id")).where(cb.like(user.get("emailNormalized"), contains(filter.subject()), '\\'));
                all.add(cb.or(root.get("subjectUserId").in(users),
                        cb.equal(cb.lower(root.get("subjectAdminId")), filter.subject().trim().toLowerCase(Locale.ROOT))));
            }
            if (filter.action() != null) {
                all.add(cb.equal(root.get("action"), filter.action()));
            }
            if (filter.from() != null) {
                all.add(cb.greaterThanOrEqualTo(root.get("occurredAt"), filter.from()));
            }
            if (filter.until() != null) {
                all.add(cb.lessThan(root.get("occurredAt"), filter.until()));
            }
            return cb.and(all.toArray(Predicate[]::new));
        };
    }

    private static boolean present(String text) {
        return text != null && !text.isBlank();
    }

    /** A LIKE pattern for "contains the text, in any case"; the text's own % and _ match only themselves. */
    private static String contains(String text) {
        String literal = text.trim().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
        return "%" + literal + "%";
    }
}
