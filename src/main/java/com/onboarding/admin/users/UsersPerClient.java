package com.onboarding.admin.users;

import com.onboarding.clients.Client;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.ScopeQueries;
import com.onboarding.users.UserAccount;
import jakarta.persistence.EntityManager;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import java.util.HashMap;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * How many users each client has, as the admin sees them: the number its Users tab lists (a scoped admin does not
 * count a user shared with a client of someone else's, as the tab does not show them). One query for all clients.
 */
@Component
public class UsersPerClient {

    private final EntityManager entities;

    UsersPerClient(EntityManager entities) {
        this.entities = entities;
    }

    /** Client id to user count; clients without users are absent. */
    @Transactional(readOnly = true)
    public Map<Long, Long> of(AdminScope scope) {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<Object[]> query = cb.createQuery(Object[].class);
        Root<UserAccount> user = query.from(UserAccount.class);
        Join<UserAccount, Client> client = user.join("clients");
        query.multiselect(client.get("id"), cb.count(user))
                .where(ScopeQueries.covers(scope, user, query, cb))
                .groupBy(client.get("id"));
        Map<Long, Long> counts = new HashMap<>();
        for (Object[] row : entities.createQuery(query).getResultList()) {
            counts.put((Long) row[0], (Long) row[1]);
        }
        return counts;
    }
}
