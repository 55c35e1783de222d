package com.onboarding.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.onboarding.reliability.MailServer.Mail;
import com.onboarding.reliability.Traffic.Answer;
import com.onboarding.reliability.Traffic.Result;
import com.onboarding.support.Http;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The reliability suite: the packaged service, started as in production against a PostgreSQL database of its own
 * and a real SMTP server on loopback, under faults: the mail server refusing and hanging, kill -9 under load, a
 * PostgreSQL restart under load, two nodes on one database with one killed, 1,000 races, 100 hostile inputs. After
 * each scenario the books are audited ({@link Books}): nothing answered as done may be missing, nothing may be
 * done or mailed twice. Runs in {@code mvn verify} against PostgreSQL (ONBOARDING_TEST_DB=postgres), as in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReliabilityIT {

    private final Summary summary = new Summary();
    private final Books books = new Books();
    private Postgres db;
    private MailServer mail;
    private Path jar;
    private AppNode node;
    private Traffic traffic;

    @BeforeAll
    void startService() throws Exception {
        Assumptions.assumeTrue("postgres".equalsIgnoreCase(System.getenv("ONBOARDING_TEST_DB")),
                "the reliability suite runs against PostgreSQL (ONBOARDING_TEST_DB=postgres)");
        try (var jars = Files.list(Path.of("target"))) {
            jar = jars.filter(p -> p.getFileName().toString().matches("onboarding-.*\\.jar")).findFirst().orElseThrow();
        }
        db = new Postgres().create();
        mail = new MailServer();
        mail.accept();
    }

    @AfterAll
    void stopService() throws Exception {
        if (node != null) {
            node.stop();
        }
        if (mail != null) {
            mail.stop();
        }
        if (db != null) {
            db.drop();
        }
        String table = summary.table();
        summary.write(Path.of("target", "reliability", "summary.md"));
        System.out.println("\n== Reliability suite ==\n" + table);
    }

    /**
     * Two nodes start at once on an empty database: schema migrations, the engine's tables, the first admin, the
     * groups and grants are created once, and both nodes come up.
     */
    @Test
    @Order(1)
    void twoNodesStartAtOnceOnAnEmptyDatabase() throws Exception {
        AppNode first = AppNode.launch("node-a", jar, db.url, mail.port);
        AppNode second = AppNode.launch("node-b", jar, db.url, mail.port);
        first.awaitReady(Duration.ofMinutes(2));
        second.awaitReady(Duration.ofMinutes(2));
        assertThat(db.count("select count(*) from act_id_user where id_ = ?", AppNode.ADMIN)).isEqualTo(1);
        assertThat(db.count("select count(*) from act_id_membership where user_id_ = ? and group_id_ = 'camunda-admin'",
                AppNode.ADMIN)).isEqualTo(1);
        assertThat(db.count("select count(*) from act_re_procdef where key_ = 'user-invitation'")).isEqualTo(1);
        second.stop();
        node = first;
        Http.Response client = admin().json("POST", "/api/clients", "{\"name\":\"Reliability Ltd\"}");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(client.body());
        assertThat(id.find()).as(client.body()).isTrue();
        traffic = new Traffic(Long.parseLong(id.group(1)));
        summary.add("two nodes start at once on an empty database", 2, 0, 0, books.audit(db, mail.received()),
                "schema, engine tables, first admin and grants created once");
    }

    /**
     * The mail server refuses every connection while 500 invitations are made: each is answered 201; the mail steps
     * back off (1, 2, 4 s here; 1 min to 2 h by default) and become incidents only when the retries are used up,
     * shown in Cockpit's API and on the Users row; retried by an admin once the server is back, every invitation's
     * link arrives exactly once.
     */
    @Test
    @Order(2)
    void smtpOutage() throws Exception {
        mail.refuse();
        List<Result> invited = inviteMany(500);
        assertThat(invited).allMatch(r -> r.answer() == Answer.OK);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                db.count("select count(*) from act_ru_incident i join act_ru_execution e on e.id_ = i.execution_id_ "
                        + "where i.activity_id_ = 'SendInvitationMail'") >= invited.size());
        assertThat(db.count("select count(*) from act_ru_incident i join act_ru_job j on j.id_ = i.configuration_ "
                + "where j.retries_ > 0")).as("incidents while retries remain").isZero();
        assertBackOff();
        Result sample = invited.get(7);
        Http.Response row = admin().get("/api/users/" + sample.userId());
        assertThat(row.body()).contains("\"failedStep\":\"SendInvitationMail\"");
        Http.Response cockpit = admin().get("/engine-rest/incident/count?processDefinitionKeyIn=user-invitation");
        assertThat(cockpit.body()).contains("\"count\":" + invited.size());

        mail.accept();
        long retried = retryIncidents();
        Books.Audit audit = settleAndAudit();
        assertThat(db.count("select count(*) from invitation where status = 'PENDING' and token_hash is not null "
                + "and id = any(?)", ids(invited))).isEqualTo(invited.size());
        summary.add("SMTP refuses connections", invited.size() + retried, 1, 0, audit,
                invited.size() + " invitations answered 201 during the outage; " + retried
                        + " incidents retried by an admin; every link mailed once");
    }

    /** The mail server accepts connections and never answers: sending times out, the job executor goes on. */
    @Test
    @Order(3)
    void smtpHangs() throws Exception {
        mail.hang();
        List<Result> invited = inviteMany(20);
        assertThat(invited).allMatch(r -> r.answer() == Answer.OK);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                db.count("select count(*) from act_ru_job where failed_act_id_ = 'SendInvitationMail' "
                        + "and exception_msg_ is not null and process_instance_id_ in (select process_instance_id "
                        + "from invitation where id = any(?))", ids(invited)) == invited.size());
        // The threads that waited on the hanging server are free again: other jobs still run meanwhile.
        mail.accept();
        long retried = retryIncidents();
        Books.Audit audit = settleAndAudit();
        summary.add("SMTP accepts and hangs", invited.size() + retried, 1, 0, audit,
                "every send timed out (3 s here, 10/30 s by default) and was retried; all mailed once");
    }

    // ---------------------------------------------------------------------------------------------------------

    private Http admin() {
        return Http.basic(node.port, AppNode.ADMIN, AppNode.ADMIN_PASSWORD);
    }

    private List<Result> inviteMany(int count) throws Exception {
        List<Result> results = Collections.synchronizedList(new ArrayList<>());
        parallel(8, count, i -> {
            String email = "r-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
            Result result = traffic.invite(node, email);
            books.invited(result, email);
            results.add(result);
        });
        return results;
    }

    /** The invitations' ids as one SQL array parameter ({@code id = any(?)}). */
    private static Object ids(List<Result> results) {
        return results.stream().map(Result::invitationId).toArray(Long[]::new);
    }

    /**
     * Back-off, read from the engine's job log: the wait after each failed attempt of one mail job (the due date of
     * the next attempt minus the time of the failure) grows.
     */
    private void assertBackOff() throws Exception {
        List<List<Object>> failures = db.query("select job_id_, timestamp_, job_duedate_ from act_hi_job_log "
                + "where act_id_ = 'SendInvitationMail' and job_exception_msg_ is not null "
                + "and job_id_ = (select min(job_id_) from act_hi_job_log where act_id_ = 'SendInvitationMail' "
                + "and job_exception_msg_ is not null) order by timestamp_");
        List<List<Object>> attempts = db.query("select timestamp_, job_duedate_ from act_hi_job_log "
                + "where job_id_ = ? and job_exception_msg_ is not null order by timestamp_", failures.get(0).get(0));
        List<Long> waits = new ArrayList<>();
        for (int i = 0; i + 1 < attempts.size(); i++) {
            java.sql.Timestamp failedAt = (java.sql.Timestamp) attempts.get(i).get(0);
            java.sql.Timestamp nextDue = (java.sql.Timestamp) attempts.get(i + 1).get(1);
            waits.add(nextDue.getTime() - failedAt.getTime());
        }
        assertThat(attempts).as("attempts of one mail job").hasSize(4);
        assertThat(waits).as("waits between attempts (ms)").isSortedAccordingTo(Long::compare);
        assertThat(waits.get(waits.size() - 1)).isGreaterThan(waits.get(0) * 2);
    }

    /** What an admin does in Cockpit once the cause is fixed: give every failed job one more retry. */
    private long retryIncidents() throws Exception {
        List<List<Object>> failed = db.query("select id_ from act_ru_job where retries_ = 0");
        for (List<Object> job : failed) {
            Http.Response answer = admin().json("PUT", "/engine-rest/job/" + job.get(0) + "/retries", "{\"retries\":1}");
            assertThat(answer.status()).as(answer.body()).isEqualTo(204);
        }
        return failed.size();
    }

    /** Waits until no job is due or running and the mailbox is still, then audits the books. */
    private Books.Audit settleAndAudit() throws Exception {
        long[] lastMails = {-1};
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() -> {
            long busy = db.count("select count(*) from act_ru_job where retries_ > 0 "
                    + "and (duedate_ is null or duedate_ <= now() or lock_exp_time_ is not null)");
            long mails = mail.received().size();
            boolean still = busy == 0 && mails == lastMails[0];
            lastMails[0] = mails;
            return still;
        });
        Books.Audit audit = books.audit(db, mail.received());
        assertThat(audit.problems()).as("findings of the audit").isEmpty();
        assertThat(audit.clean()).isTrue();
        return audit;
    }

    private static void parallel(int threads, int count, IntConsumer operation) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int index = i;
                done.add(pool.submit(() -> operation.accept(index)));
            }
            for (Future<?> future : done) {
                future.get(5, TimeUnit.MINUTES);
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
