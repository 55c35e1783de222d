package com.onboarding.reliability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.onboarding.support.SmtpSink.Mail;
import com.onboarding.reliability.Traffic.Answer;
import com.onboarding.reliability.Traffic.Result;
import com.onboarding.support.AppNode;
import com.onboarding.support.Artifact;
import com.onboarding.support.Http;
import com.onboarding.support.Postgres;
import com.onboarding.support.ServiceBed;
import com.onboarding.support.SmtpSink;
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

    private static final Path SUMMARY = Path.of("target", "reliability", "summary.md");

    /**
     * What the suite changes against the defaults, so that an hour's outage fits into seconds: mail retries 1, 2
     * and 4 s apart (the product: 1 min to 2 h), SMTP timeouts of 3 s, a job lock of 20 s (the time after which a
     * dead node's jobs go to another node; Camunda's default is 5 min) and quicker job acquisition.
     */
    private static final List<String> SETTINGS = List.of(
            "--onboarding.mail.retry-intervals=PT1S,PT2S,PT4S",
            // As in production: one key on every node, so a mail step run again mails the same link.
            "--onboarding.links.key=" + Books.LINKS_KEY,
            "--spring.mail.properties.mail.smtp.connectiontimeout=3000",
            "--spring.mail.properties.mail.smtp.timeout=3000",
            "--spring.mail.properties.mail.smtp.writetimeout=3000",
            "--camunda.bpm.job-execution.lock-time-in-millis=20000",
            // Acquisition looks for due jobs at least every 3 s (Camunda's idle back-off goes up to 60 s).
            "--camunda.bpm.job-execution.wait-time-in-millis=1000",
            "--camunda.bpm.job-execution.max-wait=3000",
            // The same under Operaton's prefix (the suite also runs on the Operaton build): each engine reads its own.
            "--operaton.bpm.job-execution.lock-time-in-millis=20000",
            "--operaton.bpm.job-execution.wait-time-in-millis=1000",
            "--operaton.bpm.job-execution.max-wait=3000",
            "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR");

    private final Summary summary = new Summary();
    private final Books books = new Books();
    private ServiceBed bed;
    private Postgres db;
    private SmtpSink mail;
    private Artifact artifact;
    private AppNode node;
    private Traffic traffic;

    @BeforeAll
    void startService() throws Exception {
        // A summary is only ever this run's: .ci/run fails when the suite did not run.
        Files.deleteIfExists(SUMMARY);
        Assumptions.assumeTrue("postgres".equalsIgnoreCase(System.getenv("ONBOARDING_TEST_DB")),
                "the reliability suite runs against PostgreSQL (ONBOARDING_TEST_DB=postgres)");
        // The packaged jar; a heap of 384 MiB and the quick JIT (C1) keep the suite's JVMs small and fast to start.
        artifact = Artifact.packagedJar(List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC",
                "-XX:TieredStopAtLevel=1"));
        bed = ServiceBed.open();
        db = bed.db;
        mail = bed.mail;
    }

    @AfterAll
    void stopService() throws Exception {
        if (node != null) {
            node.stop();
        }
        Files.createDirectories(SUMMARY.getParent());
        if (bed != null) {
            // Every mail received, for a look after a failure: recipient, subject, link token.
            Files.write(SUMMARY.resolveSibling("mails.tsv"), mail.received().stream()
                    .map(m -> m.to() + "\t" + m.subject() + "\t" + m.token()).toList());
            bed.close();
            summary.write(SUMMARY);
            System.out.println("\n== Reliability suite ==\n" + summary.table());
        }
    }

    /**
     * Two nodes start at once on an empty database: schema migrations, the engine's tables, the first admin, the
     * groups and grants are created once, and both nodes come up.
     */
    @Test
    @Order(1)
    void twoNodesStartAtOnceOnAnEmptyDatabase() throws Exception {
        AppNode first = AppNode.launch("node-a", artifact, db.url, mail.port, SETTINGS);
        AppNode second = AppNode.launch("node-b", artifact, db.url, mail.port, SETTINGS);
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
        List<Invited> invited = invite(500);

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(1)).until(() ->
                db.count("select count(*) from act_ru_incident i join act_ru_execution e on e.id_ = i.execution_id_ "
                        + "where i.activity_id_ = 'Activity_SendInvitationMail'") >= invited.size());
        assertThat(db.count("select count(*) from act_ru_incident i join act_ru_job j on j.id_ = i.configuration_ "
                + "where j.retries_ > 0")).as("incidents while retries remain").isZero();
        assertBackOff();
        Invited sample = invited.get(7);
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
        List<Invited> invited = invite(20);
        await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(500)).until(() ->
                db.count("select count(*) from act_ru_job where failed_act_id_ = 'Activity_SendInvitationMail' "
                        + "and exception_msg_ is not null and process_instance_id_ in (select process_instance_id "
                        + "from invitation where id = any(?))", ids(invited)) == invited.size());
        // Meanwhile other jobs still run: a link that expires now is marked expired by its timer job.
        long expiring = (Long) db.query("select max(id) from invitation where status = 'PENDING' "
                + "and token_hash is not null").get(0).get(0);
        linkExpiresIn(new Long[] {expiring}, 0);
        await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(500)).until(() ->
                db.count("select count(*) from invitation where id = ? and status = 'EXPIRED'", expiring) == 1);
        mail.accept();
        long retried = retryIncidents();
        Books.Audit audit = settleAndAudit();
        summary.add("SMTP accepts and hangs", invited.size() + retried, 1, 0, audit,
                "every send timed out (3 s here, 10/30 s by default) and was retried; meanwhile a link's expiry ran; "
                        + "all mailed once");
    }

    /**
     * 1,100 pairs of conflicting actions, each pair started at the same instant: resend vs cancel, cancel vs
     * registration, resend vs registration, the link's expiry vs registration, the registration form submitted twice,
     * two admins inviting the same address. Each pair has one outcome (where the two exclude each other, exactly one
     * is answered as done and the other is refused with a clear 4xx), no engine error reaches anyone, and the
     * books balance: no mail twice.
     */
    @Test
    @Order(4)
    void racesAtScale() throws Exception {
        int pairs = 200;
        createSecondAdmin();
        List<Invited> resendCancel = invite(pairs);
        List<Invited> cancelRegister = invite(pairs);
        List<Invited> resendRegister = invite(pairs);
        List<Invited> doubleSubmit = invite(pairs);
        List<Invited> expiryRegister = invite(pairs / 2);
        settleAndAudit();
        long before = traffic.total();
        long[] violations = new long[1];

        race(resendCancel, i -> resend(i), i -> cancel(i), (i, a, b) -> { });
        race(cancelRegister, i -> cancel(i), i -> register(i), (i, a, b) -> violations[0] += exactlyOne(a, b));
        race(resendRegister, i -> resend(i), i -> register(i), (i, a, b) -> violations[0] += exactlyOne(a, b));
        ExecutorService racers = Executors.newFixedThreadPool(16);
        try {
            parallel(8, doubleSubmit.size(), n -> {
                Invited invited = doubleSubmit.get(n);
                String token = latestToken(invited.email());
                String[] csrf = new String[1];
                Http page = traffic.openRegistration(node, token, csrf);
                Result[] both = together(racers, () -> traffic.submitRegistration(page, token, csrf[0]),
                        () -> traffic.submitRegistration(page, token, csrf[0]));
                for (Result result : both) {
                    books.registered(result, invited.userId());
                }
                synchronized (violations) {
                    violations[0] += exactlyOne(both[0], both[1]);
                }
            });
            parallel(8, pairs, n -> {
                String email = "same-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
                Result[] both = together(racers, () -> traffic.invite(node, email),
                        () -> traffic.invite(node, SECOND_ADMIN, SECOND_ADMIN_PASSWORD, email));
                for (Result result : both) {
                    books.invited(result, email);
                }
                synchronized (violations) {
                    violations[0] += exactlyOne(both[0], both[1]);
                }
            });
            assertThat(db.count("select count(*) from user_account where email like 'same-%'")).isEqualTo(pairs);
        } finally {
            racers.shutdownNow();
        }
        expiryAgainstRegistration(expiryRegister);

        Books.Audit audit = settleAndAudit();
        assertThat(traffic.failures).as("answers that were neither success nor a clear refusal").isEmpty();
        assertThat(violations[0]).as("pairs with no or two outcomes").isZero();
        long racedPairs = 4L * pairs + pairs + pairs / 2;
        summary.add("races: 1,100 pairs of conflicting actions", traffic.total() - before, racedPairs, 0, audit,
                racedPairs + " pairs (resend/cancel, cancel/registration, resend/registration, double submit, same "
                        + "address by two admins, expiry/registration); every pair one outcome, conflicts answered 409");
    }

    /** The link's timer falls due while the invitee submits: the invitation ends accepted or expired, never both. */
    private void expiryAgainstRegistration(List<Invited> invitees) throws Exception {
        Map<Long, Http> pages = new HashMap<>();
        Map<Long, String> csrfs = new HashMap<>();
        for (Invited invited : invitees) {
            String[] csrf = new String[1];
            pages.put(invited.invitationId(), traffic.openRegistration(node, latestToken(invited.email()), csrf));
            csrfs.put(invited.invitationId(), csrf[0]);
        }
        Object ids = ids(invitees);
        linkExpiresIn(ids, 2);
        long start = System.nanoTime();
        Map<Long, Result> answers = new java.util.concurrent.ConcurrentHashMap<>();
        parallel(8, invitees.size(), n -> {
            Invited invited = invitees.get(n);
            // Submissions spread over 0.5 to 4 s: before, at and after the due time.
            long at = start + TimeUnit.MILLISECONDS.toNanos(500 + 35L * n);
            while (System.nanoTime() < at) {
                Thread.onSpinWait();
            }
            Result result = traffic.submitRegistration(pages.get(invited.invitationId()), latestToken(invited.email()),
                    csrfs.get(invited.invitationId()));
            books.registered(result, invited.userId());
            answers.put(invited.invitationId(), result);
        });
        settleAndAudit();
        long accepted = 0;
        for (Invited invited : invitees) {
            String status = (String) db.query("select status from invitation where id = ?", invited.invitationId())
                    .get(0).get(0);
            boolean registered = answers.get(invited.invitationId()).answer() == Answer.OK;
            assertThat(status).as("invitation " + invited.invitationId()).isEqualTo(registered ? "ACCEPTED" : "EXPIRED");
            accepted += registered ? 1 : 0;
        }
        System.out.printf("expiry vs registration: %d accepted, %d expired%n", accepted, invitees.size() - accepted);
    }

    /**
     * kill -9 while admins invite, resend and cancel and invitees register; then the node starts again. Everything
     * answered as done is there, in its process state, and mailed; nothing half-created remains; every mailed link
     * works or is clearly dead.
     */
    @Test
    @Order(5)
    void killedUnderLoad() throws Exception {
        List<Invited> targets = invite(120);
        settleAndAudit();
        traffic.failures.clear();
        long before = traffic.total();
        Load load = new Load(targets);
        load.start(8);
        Thread.sleep(4_000);
        node.kill();
        Thread.sleep(1_000);
        load.stop();
        node = AppNode.start("node-a2", artifact, db.url, mail.port, SETTINGS);
        Books.Audit audit = settleAndAudit();
        long checked = assertEveryMailedLinkLiveOrDead();
        assertThat(traffic.failures).isEmpty();
        summary.add("kill -9 under load, restart", traffic.total() - before, 1, 0, audit,
                String.format("%d answered as done before the kill, %d without answer; %d links checked live or "
                        + "dead; %d mails with a link that never worked; %d identical copies mailed again after the "
                        + "restart", load.done(), traffic.count(Answer.NO_ANSWER), checked, audit.deadLinkMails(),
                        audit.identicalCopies()));
    }

    /**
     * PostgreSQL restarts (connections cut) under load: requests meanwhile are answered 503 with Retry-After, the
     * service recovers by itself (pool, job executor), and nothing answered as done is lost.
     */
    @Test
    @Order(6)
    void databaseRestartsUnderLoad() throws Exception {
        Assumptions.assumeTrue(Postgres.canRestartServer() || "true".equals(System.getenv("CI")),
                "restarting PostgreSQL needs Debian's pg_ctlcluster as root or postgres");
        List<Invited> targets = invite(120);
        settleAndAudit();
        traffic.failures.clear();
        long before = traffic.total();
        long unavailableBefore = traffic.count(Answer.UNAVAILABLE);
        Load load = new Load(targets);
        load.start(8);
        Thread.sleep(3_000);
        long away = Postgres.restartServer();
        Thread.sleep(4_000);
        load.stop();
        Result after = traffic.invite(node, "after-restart-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com");
        assertThat(after.answer()).as("an invitation after the restart").isEqualTo(Answer.OK);
        books.invited(after, "after-restart");
        Books.Audit audit = settleAndAudit();
        assertThat(traffic.failures).as("answers during the restart that were no clear 503").isEmpty();
        summary.add("PostgreSQL restart under load", traffic.total() - before, 1, 0, audit,
                String.format("server away %.1f s; %d answered 503 with Retry-After; recovered without a restart "
                        + "of the service", away / 1000.0, traffic.count(Answer.UNAVAILABLE) - unavailableBefore));
    }

    /**
     * Two nodes share the database, load is spread over both, one is killed: the other finishes every job (the dead
     * node's locked jobs after the lock time) and nothing is processed or mailed twice.
     */
    @Test
    @Order(7)
    void twoNodesOneKilled() throws Exception {
        AppNode second = AppNode.start("node-b2", artifact, db.url, mail.port, SETTINGS);
        List<Invited> targets = invite(120);
        settleAndAudit();
        traffic.failures.clear();
        long before = traffic.total();
        Load load = new Load(targets, node, second);
        load.start(8);
        Thread.sleep(4_000);
        second.kill();
        Thread.sleep(1_000);
        load.stop();
        // Work the killed node had begun runs again on the other once its lock expired (20 s here).
        Books.Audit audit = settleAndAudit();
        assertThat(traffic.failures).isEmpty();
        summary.add("two nodes, one killed", traffic.total() - before, 1, 0, audit,
                String.format("requests alternated between the nodes; %d answered as done; the survivor finished "
                        + "the dead node's jobs", load.done()));
    }

    /**
     * More than 100 hostile or malformed inputs across the JSON API, the admin screens' forms, Tasklist's form
     * submission and the invitee's pages: each is refused with a clear 4xx (no engine error text) and changes
     * nothing: the application's rows, the audit trail (sign-ins aside) and the mailbox are the same before and after.
     * Markup in names and the personal text is accepted and shown as text; odd but valid addresses are accepted.
     */
    @Test
    @Order(8)
    void hostileInputs() throws Exception {
        Invited target = invite(1).get(0);
        settleAndAudit();
        String token = latestToken(target.email());
        long accepted = acceptedAndEscaped() + oddButValidAddresses();

        List<Object> before = snapshot();
        List<HostileInputs.Input> inputs = new HostileInputs(node.port, traffic.clientId, target.userId(),
                target.email(), token).all();
        List<String> notRefused = new ArrayList<>();
        Map<Integer, Integer> statuses = new java.util.TreeMap<>();
        for (HostileInputs.Input input : inputs) {
            Http.Response response = input.send().get();
            statuses.merge(response.status(), 1, Integer::sum);
            if (response.status() < 400 || response.status() >= 500 || Traffic.looksLikeAnEngineError(response.body())) {
                String body = response.body().replaceAll("\\s+", " ");
                notRefused.add(input.name() + " -> " + response.status() + " " + body.substring(0, Math.min(200, body.length())));
            }
        }
        Books.Audit audit = settleAndAudit();
        assertThat(notRefused).as("inputs not refused with a clear 4xx").isEmpty();
        assertThat(snapshot()).as("rows, audit entries and mails after the hostile inputs").isEqualTo(before);
        assertThat(inputs).hasSizeGreaterThanOrEqualTo(100);
        summary.add("hostile inputs", inputs.size() + accepted, 0, inputs.size(), audit,
                inputs.size() + " refused (" + statuses.entrySet().stream().map(e -> e.getValue() + "× " + e.getKey())
                        .collect(java.util.stream.Collectors.joining(", ")) + "), nothing changed; " + accepted
                        + " odd but valid inputs accepted, markup shown as text");
    }

    /** Markup in a name and in the personal text is accepted, and mails and pages show it as text. */
    private long acceptedAndEscaped() throws Exception {
        String email = "markup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Http.Response invited = admin().json("POST", "/api/invitations", "{\"email\":\"" + email + "\","
                + "\"firstName\":\"<img src=x onerror=alert(1)>\",\"lastName\":\"Berg\",\"language\":\"en\","
                + "\"role\":\"STANDARD\",\"permissions\":[],\"clients\":[" + traffic.clientId + "],"
                + "\"personalText\":\"<script>alert(1)</script> & <b>welcome</b>\"}");
        assertThat(invited.status()).as(invited.body()).isEqualTo(201);
        books.invited.put(Long.parseLong(invited.body().replaceAll("(?s).*\"invitationId\"\\s*:\\s*(\\d+).*", "$1")), email);
        settleAndAudit();
        Mail sent = mail.received().stream().filter(m -> m.to().equals(email)).findFirst().orElseThrow();
        assertThat(sent.html()).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert")
                .contains("&lt;img src=x onerror=alert(1)&gt;").doesNotContain("<img src=x");
        String page = Http.anonymous(node.port).get("/register?token=" + sent.token()).body();
        assertThat(page).contains("&lt;script&gt;alert(1)&lt;/script&gt;").doesNotContain("<script>alert")
                .doesNotContain("<img src=x");
        String users = Http.session(node.port, AppNode.ADMIN, AppNode.ADMIN_PASSWORD).get("/users?q=" + email).body();
        assertThat(users).contains(email).doesNotContain("<img src=x");
        return 2;
    }

    /** Unusual addresses that are valid are accepted, and their mail arrives (the domain as punycode). */
    private long oddButValidAddresses() throws Exception {
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        Map<String, String> addresses = Map.of(
                "o'brien+tag-" + suffix + "@example.com", "o'brien+tag-" + suffix + "@example.com",
                "first.last-" + suffix + "@mail.example.co.uk", "first.last-" + suffix + "@mail.example.co.uk",
                "ina-" + suffix + "@bücher.example", "ina-" + suffix + "@xn--bcher-kva.example");
        for (String address : addresses.keySet()) {
            Result result = traffic.invite(node, address);
            assertThat(result.answer()).as(address + ": " + result.body()).isEqualTo(Answer.OK);
            books.invited(result, address);
        }
        settleAndAudit();
        for (String delivered : addresses.values()) {
            assertThat(mail.received()).as("mail to " + delivered).anyMatch(m -> m.to().equals(delivered));
        }
        return addresses.size();
    }

    /** The application's rows (with their versions, so an update shows), audit entries but sign-ins, and mails. */
    private List<Object> snapshot() throws Exception {
        List<Object> figures = new ArrayList<>(db.query("select (select count(*) from user_account), "
                + "(select coalesce(sum(version), 0) from user_account), (select count(*) from invitation), "
                + "(select coalesce(sum(version), 0) from invitation), (select count(*) from client), "
                + "(select count(*) from user_client), (select count(*) from user_permission), "
                + "(select count(*) from audit_event where action not in ('SIGN_IN', 'SIGN_IN_FAILED')), "
                + "(select count(*) from password_reset), (select count(*) from new_link_request), "
                + "(select count(*) from bulk_import), (select count(*) from privilege_change)").get(0));
        figures.add(mail.received().size());
        return figures;
    }

    // ---------------------------------------------------------------------------------------------------------

    private static final String SECOND_ADMIN = "secondadmin";
    private static final String SECOND_ADMIN_PASSWORD = "Lantern-Field-88?";

    /** An invitation answered 201: whom, and the ids it named. */
    private record Invited(String email, long invitationId, long userId) {
    }

    private interface PairCheck {
        void check(Invited invited, Result first, Result second);
    }

    private interface Action {
        Result run(Invited invited);
    }

    private Result resend(Invited invited) {
        Result result = traffic.resend(node, invited.userId());
        books.resent(result, invited.userId());
        return result;
    }

    private Result cancel(Invited invited) {
        Result result = traffic.cancel(node, invited.userId());
        books.cancelled(result, invited.userId());
        return result;
    }

    private Result register(Invited invited) {
        Result result = traffic.register(node, latestToken(invited.email()));
        books.registered(result, invited.userId());
        return result;
    }

    /**
     * The clock reaches the end of these invitations' links in so many seconds: their "Link expired" timers fall due
     * then, and the server's own check of the link agrees with them. (The service's clock cannot be moved from
     * outside; its timers and validity can.)
     */
    private void linkExpiresIn(Object invitationIds, int seconds) throws Exception {
        db.update("update act_ru_job set duedate_ = now() + make_interval(secs => ?) where job_def_id_ in "
                + "(select id_ from act_ru_jobdef where act_id_ = 'Event_LinkExpired') and process_instance_id_ in "
                + "(select process_instance_id from invitation where id = any(?))", seconds, invitationIds);
        db.update("update invitation set expires_at = now() + make_interval(secs => ?) where id = any(?)", seconds,
                invitationIds);
    }

    /** Runs both actions of each pair at the same instant, eight pairs at a time. */
    private void race(List<Invited> items, Action first, Action second, PairCheck check) throws Exception {
        ExecutorService racers = Executors.newFixedThreadPool(16);
        try {
            parallel(8, items.size(), n -> {
                Invited invited = items.get(n);
                Result[] both = together(racers, () -> first.run(invited), () -> second.run(invited));
                synchronized (this) {
                    check.check(invited, both[0], both[1]);
                }
            });
        } finally {
            racers.shutdownNow();
        }
    }

    /** Two calls released at the same instant; their answers. */
    private static Result[] together(ExecutorService racers, Supplier<Result> first, Supplier<Result> second) {
        CountDownLatch go = new CountDownLatch(1);
        Future<Result> a = racers.submit(() -> {
            go.await();
            return first.get();
        });
        Future<Result> b = racers.submit(() -> {
            go.await();
            return second.get();
        });
        go.countDown();
        try {
            return new Result[] {a.get(2, TimeUnit.MINUTES), b.get(2, TimeUnit.MINUTES)};
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** 0 when exactly one of two exclusive actions was done and the other clearly refused; 1 otherwise. */
    private static int exactlyOne(Result first, Result second) {
        boolean one = (first.answer() == Answer.OK) != (second.answer() == Answer.OK);
        boolean refusedClearly = first.answer() != Answer.FAILED && second.answer() != Answer.FAILED;
        return one && refusedClearly ? 0 : 1;
    }

    private void createSecondAdmin() {
        Http.Response created = admin().json("POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\""
                + SECOND_ADMIN + "\",\"firstName\":\"Sam\",\"lastName\":\"Second\",\"email\":"
                + "\"sam.second@example.com\"},\"credentials\":{\"password\":\"" + SECOND_ADMIN_PASSWORD + "\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        Http.Response member = admin().put("/engine-rest/group/camunda-admin/members/" + SECOND_ADMIN);
        assertThat(member.status()).as(member.body()).isEqualTo(204);
    }

    /** The newest link mailed to this address. */
    private String latestToken(String email) {
        List<Mail> mails = mail.received();
        for (int i = mails.size() - 1; i >= 0; i--) {
            if (mails.get(i).to().equals(email) && mails.get(i).token() != null) {
                return mails.get(i).token();
            }
        }
        throw new IllegalStateException("no link was mailed to " + email);
    }

    /** Every mailed link either opens the registration page (its invitation is open) or is dead (404). */
    private long assertEveryMailedLinkLiveOrDead() throws Exception {
        java.util.Set<String> live = new java.util.HashSet<>();
        for (List<Object> row : db.query("select token_hash from invitation where status = 'PENDING' and token_hash is not null")) {
            live.add((String) row.get(0));
        }
        List<String> tokens = mail.received().stream().map(Mail::token).filter(java.util.Objects::nonNull).distinct().toList();
        com.onboarding.links.LinkTokens links = new com.onboarding.links.LinkTokens();
        long checked = 0;
        long liveChecked = 0;
        for (String token : tokens) {
            boolean isLive = live.contains(links.hash(token));
            // Every dead link is opened (it must answer 404); live ones by sample, as opening them changes nothing.
            if (isLive && liveChecked++ > 50) {
                continue;
            }
            int status = Http.anonymous(node.port).get("/register?token=" + token).status();
            assertThat(status).as("a mailed link that is " + (isLive ? "live" : "dead")).isEqualTo(isLive ? 200 : 404);
            checked++;
        }
        return checked;
    }

    /**
     * Steady load until stopped: new invitations, and resends, cancels and registrations of the targets (each target
     * is used once), over the given nodes in turn.
     */
    private final class Load {
        private final java.util.concurrent.ConcurrentLinkedQueue<Invited> targets;
        private final AppNode[] nodes;
        private final AtomicBoolean running = new AtomicBoolean(true);
        private final java.util.concurrent.atomic.AtomicLong done = new java.util.concurrent.atomic.AtomicLong();
        private final List<Thread> threads = new ArrayList<>();

        Load(List<Invited> targets, AppNode... nodes) {
            this.targets = new java.util.concurrent.ConcurrentLinkedQueue<>(targets);
            this.nodes = nodes.length == 0 ? new AppNode[] {node} : nodes;
        }

        void start(int clients) {
            for (int c = 0; c < clients; c++) {
                int client = c;
                Thread thread = new Thread(() -> {
                    for (int n = 0; running.get(); n++) {
                        AppNode at = nodes[(client + n) % nodes.length];
                        Invited target = n % 2 == 0 ? null : targets.poll();
                        Result result;
                        if (target == null) {
                            String email = "load-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
                            result = traffic.invite(at, email);
                            books.invited(result, email);
                        } else if (n % 3 == 0) {
                            result = traffic.resend(at, target.userId());
                            books.resent(result, target.userId());
                        } else if (n % 3 == 1) {
                            result = traffic.cancel(at, target.userId());
                            books.cancelled(result, target.userId());
                        } else {
                            result = traffic.register(at, latestToken(target.email()));
                            books.registered(result, target.userId());
                        }
                        if (result.answer() == Answer.OK) {
                            done.incrementAndGet();
                        } else if (result.answer() == Answer.NO_ANSWER || result.answer() == Answer.UNAVAILABLE) {
                            sleepQuietly(200);
                        }
                    }
                }, "load-" + c);
                threads.add(thread);
                thread.start();
            }
        }

        void stop() throws InterruptedException {
            running.set(false);
            for (Thread thread : threads) {
                thread.join(TimeUnit.MINUTES.toMillis(2));
            }
        }

        long done() {
            return done.get();
        }
    }

    private static void sleepQuietly(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** New invitations, answered 201 each. */
    private List<Invited> invite(int count) throws Exception {
        List<Invited> invited = Collections.synchronizedList(new ArrayList<>());
        parallel(8, count, i -> {
            String email = "r-" + UUID.randomUUID().toString().substring(0, 12) + "@example.com";
            Result result = traffic.invite(node, email);
            books.invited(result, email);
            assertThat(result.answer()).as(result.body()).isEqualTo(Answer.OK);
            invited.add(new Invited(email, result.invitationId(), result.userId()));
        });
        return invited;
    }

    private Http admin() {
        return Http.basic(node.port, AppNode.ADMIN, AppNode.ADMIN_PASSWORD);
    }

    /** The invitations' ids as one SQL array parameter ({@code id = any(?)}). */
    private static Object ids(List<Invited> invited) {
        return invited.stream().map(Invited::invitationId).toArray(Long[]::new);
    }

    /**
     * Back-off, read from the engine's job log: the wait after each failed attempt of one mail job (the due date of
     * the next attempt minus the time of the failure) grows.
     */
    private void assertBackOff() throws Exception {
        List<List<Object>> attempts = db.query("select timestamp_, job_duedate_ from act_hi_job_log "
                + "where job_exception_msg_ is not null and job_id_ = (select min(job_id_) from act_hi_job_log "
                + "where act_id_ = 'Activity_SendInvitationMail' and job_exception_msg_ is not null) order by timestamp_");
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
