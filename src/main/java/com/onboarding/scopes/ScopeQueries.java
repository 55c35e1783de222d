package com.onboarding.scopes;

import com.onboarding.clients.Client;
import com.onboarding.users.UserAccount;
import jakarta.persistence.criteria.CommonAbstractCriteria;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.Expression;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Predicate;
import jakarta.persistence.criteria.Root;
import jakarta.persistence.criteria.Subquery;

/** {@link AdminScope#coversUser} as a database query, so that lists and figures stay in the database at any size. */
public final class ScopeQueries {

    private ScopeQueries() {
    }

    /** A scoped admin covers a user only when every one of the user's clients is theirs; a global admin, everyone. */
    public static Predicate covers(AdminScope scope, Expression<UserAccount> user, CommonAbstractCriteria query,
            CriteriaBuilder cb) {
        if (scope.global()) {
            return cb.conjunction();
        }
        if (scope.clientIds().isEmpty()) {
            return cb.disjunction();
        }
        Subquery<Long> foreign = query.subquery(Long.class);
        Root<UserAccount> member = foreign.from(UserAccount.class);
        Join<UserAccount, Client> client = member.join("clients");
        foreign.select(client.get("id")).where(cb.equal(member, user), cb.not(client.get("id").in(scope.clientIds())));
        return cb.not(cb.exists(foreign));
    }
}
