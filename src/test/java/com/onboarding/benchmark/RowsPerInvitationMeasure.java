package com.onboarding.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.invitation.InvitationCommands;
import com.onboarding.registration.RegistrationService;
import com.onboarding.support.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Rows written per invitation, by table, as PostgreSQL counts them (pg_stat_user_tables: inserted, updated, deleted,
 * including rows deleted again, such as the engine's runtime rows): an invitation's whole life in the usual case,
 * invite, the mail, registration, activation and the confirmation mail. Not part of `mvn verify` (its name is no
 * *Test); run it with {@code ONBOARDING_TEST_DB=postgres mvn test -Dtest=RowsPerInvitationMeasure}. It prints the table
 * and asserts only that every invitation ended registered.
 */
class RowsPerInvitationMeasure extends IntegrationTest {

    static final int INVITATIONS = 200;

    @Autowired
    InvitationCommands commands;
    @Autowired
    RegistrationService registration;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void rowsOfOneInvitationsLife() throws Exception {
        Assumptions.assumeTrue("postgres".equals(System.getenv("ONBOARDING_TEST_DB")), "PostgreSQL's statistics");
        Map<String, long[]> before = counts();
        List<Long> invitationIds = new ArrayList<>();
        for (int i = 0; i < INVITATIONS; i++) {
            invitationIds.add(commands.invite(validRequest()).invitationId());
        }
        for (long id : invitationIds) {
            executeJob(invitation(id).getProcessInstanceId(), "Activity_SendInvitationMail");
        }
        Map<String, long[]> mailed = counts();
        for (long id : invitationIds) {
            registration.register(registrationForm(latestToken(invitation(id).getUser().getEmail()), "Tulip-Field-7!"));
        }
        for (long id : invitationIds) {
            executeJob(invitation(id).getProcessInstanceId(), "Activity_SendConfirmationMail");
        }
        assertThat(invitationIds).allSatisfy(id -> assertThat(invitation(id).getStatus().name()).isEqualTo("ACCEPTED"));

        Map<String, long[]> after = counts();
        print("invite and its mail (up to the wait for the invitee)", before, mailed);
        print("registration, activation and the confirmation mail", mailed, after);
        print("the whole life", before, after);
    }

    private static void print(String phase, Map<String, long[]> from, Map<String, long[]> to) {
        System.out.printf("%nRows per invitation, %s (%d invitations, PostgreSQL): inserted / updated / deleted%n",
                phase, INVITATIONS);
        double[] total = new double[3];
        for (Map.Entry<String, long[]> table : to.entrySet()) {
            long[] was = from.getOrDefault(table.getKey(), new long[3]);
            double[] per = new double[3];
            for (int k = 0; k < 3; k++) {
                per[k] = (table.getValue()[k] - was[k]) / (double) INVITATIONS;
                total[k] += per[k];
            }
            if (per[0] + per[1] + per[2] >= 0.005) {
                System.out.printf("%-32s %6.2f %6.2f %6.2f%n", table.getKey(), per[0], per[1], per[2]);
            }
        }
        System.out.printf("%-32s %6.2f %6.2f %6.2f   (%.1f rows written)%n", "total", total[0], total[1], total[2],
                total[0] + total[1] + total[2]);
    }

    /** Inserted, updated, deleted per table, once every connection has reported its counts. */
    private Map<String, long[]> counts() throws InterruptedException {
        // Backends report their counts at most once a second, and when idle within 10 s.
        Thread.sleep(11_000);
        jdbc.execute("select pg_stat_clear_snapshot()");
        Map<String, long[]> counts = new TreeMap<>();
        jdbc.query("select relname, n_tup_ins, n_tup_upd, n_tup_del from pg_stat_user_tables", row -> {
            counts.put(row.getString(1).toLowerCase(), new long[] {row.getLong(2), row.getLong(3), row.getLong(4)});
        });
        return counts;
    }
}
