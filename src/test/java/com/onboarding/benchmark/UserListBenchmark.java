package com.onboarding.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.scopes.AdminScope;
import com.onboarding.admin.users.UserDirectory;
import com.onboarding.admin.users.UserListStatus;
import com.onboarding.admin.users.UserRow;
import com.onboarding.admin.users.UserSearch;
import com.onboarding.support.IntegrationTest;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.data.domain.Page;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * How fast the user list is at 100,000 users. Not part of `mvn verify` (its name is no *Test); run it with
 * {@code mvn test -Dtest=UserListBenchmark} (add ONBOARDING_TEST_DB=postgres for PostgreSQL). It prints the median
 * of 7 runs per query; it asserts only that the queries return what they should, never a time.
 */
class UserListBenchmark extends IntegrationTest {

    static final int USERS = 100_000;
    static final int RUNS = 7;

    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    UserDirectory administration;

    @Test
    void userListAt100kUsers() {
        long acme = clients.findByNameIgnoreCase("Acme Corporation").orElseThrow().getId();
        long globex = clients.findByNameIgnoreCase("Globex GmbH").orElseThrow().getId();
        long started = System.nanoTime();
        insertUsers(acme, globex);
        System.out.printf("%nInserted %,d users in %,d ms%n", USERS, (System.nanoTime() - started) / 1_000_000);

        AdminScope global = AdminScope.global("demo");
        AdminScope scoped = new AdminScope("bench", false, Set.of(acme), Set.of());
        UserSearch all = UserSearch.all();

        System.out.println("query                                      median ms   hits");
        measure("all users, first page by name", () -> administration.search(all, global));
        measure("all users, page 2000 by name", () -> administration.search(
                new UserSearch(null, null, null, null, null, 1999), global));
        measure("newest first", () -> administration.search(
                new UserSearch(null, null, null, "createdAt", "desc", 0), global));
        measure("search 'bench-4242@'", () -> administration.search(
                new UserSearch("bench-4242@", null, null, null, null, 0), global));
        UserSearch expiredLinks = new UserSearch(null, UserListStatus.LINK_EXPIRED, null, null, null, 0);
        measure("status: Invited - link expired", () -> administration.search(expiredLinks, global));
        measure("client filter (Globex)", () -> administration.search(all.forClient(globex), global));
        measure("scoped admin (Acme only)", () -> administration.search(all, scoped));

        Page<UserRow> expired = administration.search(expiredLinks, global);
        assertThat(expired.getContent()).allMatch(row -> row.status() == UserListStatus.LINK_EXPIRED);
        assertThat(administration.search(all, scoped).getContent())
                .allMatch(row -> row.clients().equals(List.of("Acme Corporation")));
    }

    private void measure(String name, Supplier<Page<UserRow>> query) {
        query.get(); // warm-up
        long[] millis = new long[RUNS];
        long hits = 0;
        for (int i = 0; i < RUNS; i++) {
            long start = System.nanoTime();
            hits = query.get().getTotalElements();
            millis[i] = (System.nanoTime() - start) / 1_000_000;
        }
        Arrays.sort(millis);
        System.out.printf("%-42s %9d %,6d%n", name, millis[RUNS / 2], hits);
    }

    /** Plain JDBC batches: half active, a third invited (a third of those expired), the rest deactivated. */
    private void insertUsers(long acme, long globex) {
        Instant now = Instant.now();
        long firstId = jdbc.queryForObject("select coalesce(max(id), 0) + 1000 from user_account", Long.class);
        List<Object[]> users = new ArrayList<>();
        List<Object[]> memberships = new ArrayList<>();
        List<Object[]> invitations = new ArrayList<>();
        for (int i = 0; i < USERS; i++) {
            long id = firstId + i;
            String status = i % 2 == 0 ? "ACTIVE" : i % 3 == 0 ? "DEACTIVATED" : "INVITED";
            Timestamp created = Timestamp.from(now.minus(Duration.ofMinutes(i)));
            users.add(new Object[] {id, "bench-" + i + "@example.com", "bench-" + i + "@example.com", "First" + (i % 997),
                    "Last" + String.format("%05d", i), "EN", status, "STANDARD", created, id});
            memberships.add(new Object[] {id, i % 4 == 0 ? globex : acme});
            boolean expired = i % 9 == 1;
            invitations.add(new Object[] {id, id, "demo", "ACTIVE".equals(status) ? "ACCEPTED"
                    : "DEACTIVATED".equals(status) ? "CANCELLED" : expired ? "EXPIRED" : "PENDING",
                    Timestamp.from(expired ? now.minus(Duration.ofDays(1)) : now.plus(Duration.ofDays(20))), created});
        }
        jdbc.batchUpdate("insert into user_account (id, email, email_normalized, first_name, last_name, language, status, "
                + "role_code, created_at, current_invitation_id, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)", users);
        jdbc.batchUpdate("insert into user_client (user_id, client_id) values (?, ?)", memberships);
        jdbc.batchUpdate("insert into invitation (id, user_id, invited_by, status, expires_at, created_at, resend_count, version) "
                + "values (?, ?, ?, ?, ?, ?, 0, 0)", invitations);
    }
}
