import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The benchmark of the whole service, from outside: starts the built jar against a PostgreSQL database of its own
 * (created by bench/run, dropped afterwards) with mail to an SMTP sink in this process, drives it over HTTP from
 * closed-loop clients (one keep-alive connection each), and prints one table; bench/run also writes it under
 * bench/results/. Run by {@code bench/run}; every figure it prints is measured in this run.
 *
 * <p>Single-file Java (JDK only, plus the PostgreSQL JDBC driver for the floor and the admin-list data).
 */
public class Benchmark {

    static final String ADMIN = "bench";
    static final String ADMIN_PASSWORD = "Quartz-River-42!";
    static final String BASIC = "Basic " + Base64.getEncoder()
            .encodeToString((ADMIN + ":" + ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    static final long CLK_TCK = 100;

    final Path jar;
    final String dbUrl;
    final String dbUser;
    final String javaOptions;
    final Scale scale;
    final List<String[]> table = new ArrayList<>();
    final List<String> notes = new ArrayList<>();
    final SmtpSink sink;
    App app;
    long clientId;
    final AtomicInteger sequence = new AtomicInteger();

    /** Counts per phase: full (the figures of docs/speed.md), quick (a smoke run), profile, or storm (that phase alone). */
    record Scale(int warmUp, int invites, int resends, int cancels, int registrations, int listUsers, int listCalls,
            int slowInvites, int storm) {
        static Scale of(String name) {
            return switch (name) {
                case "quick" -> new Scale(200, 300, 100, 100, 50, 5_000, 40, 200, 1_000);
                // Warm like the full run, short phases: for a profile of the steady state.
                case "profile" -> new Scale(3_000, 2_000, 200, 200, 100, 5_000, 40, 200, 2_000);
                // The expiry storm alone (it takes a quarter of an hour to open 100,000 invitations).
                case "storm" -> new Scale(3_000, 2_000, 0, 0, 0, 0, 0, 0, 100_000);
                // The admin list alone, at the full run's size.
                case "list" -> new Scale(1_000, 0, 0, 0, 0, 100_000, 400, 0, 0);
                default -> new Scale(3_000, 5_000, 2_000, 2_000, 1_000, 100_000, 400, 2_000, 100_000);
            };
        }
    }

    Benchmark(Path jar, String dbUrl, String dbUser, String javaOptions, Scale scale) throws IOException {
        this.jar = jar;
        this.dbUrl = dbUrl;
        this.dbUser = dbUser;
        this.javaOptions = javaOptions;
        this.scale = scale;
        this.sink = new SmtpSink();
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> env = System.getenv();
        Scale scale = Scale.of(env.getOrDefault("BENCH_SCALE", "full"));
        if (env.containsKey("BENCH_STORM")) {
            // A smaller (or larger) storm than the scale's: BENCH_STORM=20000.
            int storm = Integer.parseInt(env.get("BENCH_STORM"));
            scale = new Scale(scale.warmUp, scale.invites, scale.resends, scale.cancels, scale.registrations,
                    scale.listUsers, scale.listCalls, scale.slowInvites, storm);
        }
        Benchmark benchmark = new Benchmark(Path.of(args[0]), args[1], env.getOrDefault("BENCH_DB_USER", "postgres"),
                env.getOrDefault("BENCH_JAVA_OPTS", ""), scale);
        try {
            benchmark.run();
        } finally {
            if (benchmark.app != null) {
                benchmark.app.stop();
            }
        }
        System.out.println();
        System.out.println(benchmark.markdown());
        if (args.length > 2) {
            Files.writeString(Path.of(args[2]), benchmark.markdown());
        }
        System.exit(0);
    }

    void run() throws Exception {
        standInForAutovacuum();
        app = App.start(jar, dbUrl, dbUser, sink.port(), javaOptions);
        clientId = createClient("Bench Client");
        invitePhase("warm-up", 4, scale.warmUp, false);
        if (scale.invites == 0) {
            adminList();
            return;
        }
        if (scale.listUsers == 0) {
            InviteResult quiet = invitePhase("invites", 4, scale.invites, true);
            quietP99 = quiet.latency.p(99);
            row("Invites, 4 clients", "invitations/s, counted when the mail arrived",
                    String.format(Locale.ROOT, "%.0f", quiet.mailRate), "");
            expiryStorm(scale.storm);
            row("Footprint", "resident memory at the end", mib(app.rssKib()), "");
            return;
        }
        row("Footprint", "start to ready, fresh database", ms(app.startMillis), "");
        row("Footprint", "resident memory, idle (after start)", mib(app.idleRssKib), "");

        Floor floor = new Floor(dbUrl, dbUser);
        Map<Integer, Double> floorRates = new ConcurrentHashMap<>();
        for (int clients : new int[] {1, 4, 16}) {
            floorRates.put(clients, floor.run(clients, scale.invites));
        }
        List<Long> users = new ArrayList<>();
        DatabaseWork work = new DatabaseWork(dbUrl, dbUser);
        for (int clients : new int[] {1, 4, 16}) {
            if (clients == 4) {
                work.start();
            }
            InviteResult result = invitePhase("invites", clients, scale.invites, true);
            if (clients == 4) {
                quietP99 = result.latency.p(99);
                work.report(this, scale.invites);
            }
            users.addAll(result.userIds);
            String c = clients + " client" + (clients == 1 ? "" : "s");
            row("Invites, " + c, "invitations/s, counted when the mail arrived",
                    String.format(Locale.ROOT, "%.0f", result.mailRate),
                    ratio(result.mailRate, floorRates.get(clients)));
            row("Invites, " + c, "request p50 / p95 / p99", result.latency.p(50) + " / " + result.latency.p(95)
                    + " / " + result.latency.p(99) + " ms", "");
            row("Invites, " + c, "request to mail p50 / p99", result.mailLatency.p(50) + " / "
                    + result.mailLatency.p(99) + " ms", "");
            row("Invites, " + c, "CPU per invite: app / PostgreSQL", String.format(Locale.ROOT, "%.1f / %.1f ms",
                    result.appCpuMs, result.pgCpuMs), "");
            row("Floor, " + c, "plain JDBC transactions/s (what one invitation inserts)",
                    String.format(Locale.ROOT, "%.0f", floorRates.get(clients)), "");
        }
        row("Footprint", "resident memory after the invite runs", mib(app.rssKib()), "");

        Collections.shuffle(users);
        List<Long> resendUsers = users.subList(0, Math.min(scale.resends, users.size()));
        List<Long> cancelUsers = users.subList(resendUsers.size(), Math.min(resendUsers.size() + scale.cancels,
                users.size()));
        List<Long> registerUsers = users.subList(resendUsers.size() + cancelUsers.size(),
                Math.min(resendUsers.size() + cancelUsers.size() + scale.registrations, users.size()));
        Latencies resend = closedLoop(4, resendUsers.size(), i -> apiPost("/api/users/" + resendUsers.get(i)
                + "/resend-invitation", ""));
        row("Resend", "ops/s at 4 clients; p99", String.format(Locale.ROOT, "%.0f", resend.rate()) + "; "
                + resend.p(99) + " ms", "");
        Latencies cancel = closedLoop(4, cancelUsers.size(), i -> apiPost("/api/users/" + cancelUsers.get(i)
                + "/cancel-invitation", ""));
        row("Cancel", "ops/s at 4 clients; p99", String.format(Locale.ROOT, "%.0f", cancel.rate()) + "; "
                + cancel.p(99) + " ms", "");

        double hashBefore[] = app.hashTimer();
        List<String> tokens = new ArrayList<>();
        for (long userId : registerUsers) {
            tokens.add(sink.latestToken(emailOf(userId)));
        }
        Latencies registration = closedLoop(4, tokens.size(), i -> register(tokens.get(i), registerUsers.get(i)));
        double[] hashAfter = app.hashTimer();
        double hashMs = (hashAfter[1] - hashBefore[1]) * 1000 / Math.max(1, hashAfter[0] - hashBefore[0]);
        row("Registration", "p50 / p95 / p99 at 4 clients (form submit)", registration.p(50) + " / "
                + registration.p(95) + " / " + registration.p(99) + " ms", "");
        row("Registration", "of which the password hash (Argon2id), mean",
                String.format(Locale.ROOT, "%.0f ms", hashMs), "");

        adminList();

        sink.delayMillis = 50;
        InviteResult slow = invitePhase("slow mail", 4, scale.slowInvites, true);
        sink.delayMillis = 0;
        row("Slow mail server (50 ms)", "request p99 at 4 clients", slow.latency.p(99) + " ms", "");
        row("Slow mail server (50 ms)", "request to mail p50 / p99", slow.mailLatency.p(50) + " / "
                + slow.mailLatency.p(99) + " ms", "");
        expiryStorm(scale.storm);
        row("Footprint", "resident memory at the end", mib(app.rssKib()), "");
        row("Mail", "invitations without their mail / with more than one", lost + " / " + duplicated, "");

        app.stop();
        app = App.start(jar, dbUrl, dbUser, sink.port(), javaOptions);
        row("Footprint", "start to ready, existing database", ms(app.startMillis), "");
    }

    /**
     * A production PostgreSQL runs autovacuum, which keeps the planner's statistics current as tables grow from
     * nothing to hundreds of thousands of rows. Where the server has it off (test servers often do), this does its
     * work for the benchmark's database: ANALYZE every 30 seconds, VACUUM of the busy runtime tables every minute.
     */
    void standInForAutovacuum() throws SQLException {
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, ""); Statement show = db.createStatement();
                var result = show.executeQuery("show autovacuum")) {
            result.next();
            if ("on".equals(result.getString(1))) {
                return;
            }
        }
        notes.add("The server runs with autovacuum off; the driver ran ANALYZE every 30 s and VACUUM of the "
                + "engine's runtime tables every minute in its place (its PostgreSQL CPU is counted).");
        Thread maintenance = new Thread(() -> {
            for (long round = 1; ; round++) {
                try {
                    Thread.sleep(30_000);
                    try (Connection db = DriverManager.getConnection(dbUrl, dbUser, "");
                            Statement sql = db.createStatement()) {
                        db.setAutoCommit(true);
                        if (round % 2 == 0) {
                            sql.execute("vacuum act_ru_job, act_ru_execution, act_ru_variable, act_ru_event_subscr, "
                                    + "act_ru_task, invitation, user_account");
                        }
                        sql.execute("analyze");
                    }
                } catch (InterruptedException e) {
                    return;
                } catch (SQLException e) {
                    // the tables do not exist yet, or the database is being dropped
                }
            }
        }, "autovacuum-stand-in");
        maintenance.setDaemon(true);
        maintenance.start();
    }

    /**
     * {@code count} open invitations whose expiry timers fall due at the same moment: made through the API, their
     * mails sent, then every one's "Link expired" timer set due now (as if 21 days had passed for all of them at
     * once). Counts expirations per second until the last invitation is marked expired, while 4 clients keep
     * inviting; their p99 is compared with the quiet one.
     */
    void expiryStorm(int count) throws Exception {
        String prefix = "storm-" + sequence.incrementAndGet() + "-";
        closedLoop(16, count, i -> invite(prefix + i + "@bench.example", "Storm User", null));
        String storm = "from invitation i join user_account u on u.id = i.user_id where u.email_normalized like '"
                + prefix + "%'";
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, "")) {
            waitUntil(db, "select count(*) from act_ru_job where handler_type_ = 'async-continuation'", 0,
                    Duration.ofMinutes(30));
            long due;
            try (PreparedStatement fallDue = db.prepareStatement("update act_ru_job set duedate_ = ? "
                    + "where job_def_id_ in (select id_ from act_ru_jobdef where act_id_ = 'Event_LinkExpired') "
                    + "and process_instance_id_ in (select i.process_instance_id " + storm + ")")) {
                // This JVM's clock and zone, as the engine's (same machine) writes and compares due dates.
                fallDue.setTimestamp(1, new java.sql.Timestamp(System.currentTimeMillis()));
                due = fallDue.executeUpdate();
            }
            long start = System.nanoTime();
            List<Long> during = Collections.synchronizedList(new ArrayList<>());
            Map<String, Long> sentDuring = new ConcurrentHashMap<>();
            Thread inviting = new Thread(() -> {
                try {
                    Latencies latency = closedLoop(4, Integer.MAX_VALUE / 2, i -> {
                        if (doneStorm) {
                            throw new StormOver();
                        }
                        String email = prefix + "during-" + i + "@bench.example";
                        long sent = System.nanoTime();
                        invite(email, "Quiet User", null);
                        sentDuring.put(email, sent);
                    });
                    during.addAll(latency.values);
                } catch (Exception e) {
                    // failed invitations were printed by closedLoop; the p99 below then has fewer values
                }
            }, "inviting-during-storm");
            inviting.start();
            waitUntil(db, "select count(*) " + storm + " and i.status = 'EXPIRED'", due, Duration.ofMinutes(60));
            double seconds = (System.nanoTime() - start) / 1e9;
            doneStorm = true;
            inviting.join();
            Latencies duringStorm = new Latencies();
            during.forEach(duringStorm::add);
            String phase = String.format(Locale.ROOT, "Expiry storm, %,d timers due at once", due);
            row(phase, "expirations/s until the last was marked", String.format(Locale.ROOT, "%.0f", due / seconds),
                    "");
            row(phase, "invite p99 at 4 clients during the storm / quiet", duringStorm.p(99) + " / " + quietP99
                    + " ms", "");
            // How long the admin's invitee waits for the mail while the expiries are worked off (job priorities).
            sink.awaitAll(sentDuring.keySet(), Duration.ofMinutes(30));
            Latencies mailDuring = new Latencies();
            sentDuring.forEach((email, sent) -> mailDuring.add((sink.firstArrival(email) - sent) / 1_000_000));
            row(phase, "mail of an invite made during the storm, p50 / p99", mailDuring.p(50) + " / "
                    + mailDuring.p(99) + " ms", "");
            System.out.printf(Locale.ROOT, "storm      %,d expirations in %.1f s%n", due, seconds);
        }
    }

    volatile boolean doneStorm;

    /** Thrown into the closed loop to stop it. */
    static final class StormOver extends RuntimeException {
    }

    static void waitUntil(Connection db, String countQuery, long expected, Duration timeout) throws Exception {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try (Statement query = db.createStatement(); var result = query.executeQuery(countQuery)) {
                result.next();
                if (result.getLong(1) == expected) {
                    return;
                }
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + expected + ": " + countQuery);
            }
            Thread.sleep(200);
        }
    }

    record InviteResult(double mailRate, Latencies latency, Latencies mailLatency, double appCpuMs, double pgCpuMs,
            List<Long> userIds) {
    }

    /** Invites {@code count} new users; the phase ends when every one of their mails has arrived. */
    InviteResult invitePhase(String name, int clients, int count, boolean measure) throws Exception {
        String prefix = name.replace(' ', '-') + "-" + clients + "-" + sequence.incrementAndGet();
        Map<String, Long> sentAt = new ConcurrentHashMap<>();
        List<Long> userIds = new CopyOnWriteArrayList<>();
        long[] cpuBefore = {app.cpuTicks(), Cpu.postgresTicks()};
        long start = System.nanoTime();
        Latencies latency = closedLoop(clients, count, i -> {
            String email = prefix + "-" + i + "@bench.example";
            sentAt.put(email, System.nanoTime());
            String created = invite(email, "Bench User " + i, "Welcome!");
            Matcher id = Pattern.compile("\"userId\"\\s*:\\s*(\\d+)").matcher(created);
            if (id.find()) {
                long userId = Long.parseLong(id.group(1));
                userIds.add(userId);
                emails.put(userId, email);
            }
        });
        long lastMail = sink.awaitAll(sentAt.keySet(), Duration.ofMinutes(10));
        Thread.sleep(200);
        long duplicated = sentAt.keySet().stream().filter(email -> sink.count(email) > 1).count();
        lost += count - sentAt.size();
        this.duplicated += duplicated;
        long[] cpuAfter = {app.cpuTicks(), Cpu.postgresTicks()};
        Latencies mailLatency = new Latencies();
        for (Map.Entry<String, Long> sent : sentAt.entrySet()) {
            mailLatency.add((sink.firstArrival(sent.getKey()) - sent.getValue()) / 1_000_000);
        }
        double seconds = (lastMail - start) / 1e9;
        double appCpu = (cpuAfter[0] - cpuBefore[0]) * 1000.0 / CLK_TCK / count;
        double pgCpu = (cpuAfter[1] - cpuBefore[1]) * 1000.0 / CLK_TCK / count;
        System.out.printf(Locale.ROOT, "%-10s %2d clients: %5d invites, %.0f/s with mail, p99 %d ms%n", name,
                clients, count, count / seconds, latency.p(99));
        return new InviteResult(count / seconds, latency, mailLatency, appCpu, pgCpu, userIds);
    }

    final Map<Long, String> emails = new ConcurrentHashMap<>();
    long quietP99;
    long lost;
    long duplicated;

    String emailOf(long userId) {
        return emails.get(userId);
    }

    /** The invitee's whole form submit: the page (for its CSRF token and session), then the registration. */
    void register(String token, long userId) throws Exception {
        HttpClient client = Http.client();
        HttpResponse<String> page = client.send(HttpRequest.newBuilder(app.uri("/register?token=" + token))
                .GET().build(), HttpResponse.BodyHandlers.ofString());
        Matcher csrf = Pattern.compile("name=\"_csrf\"\\s+value=\"([^\"]+)\"").matcher(page.body());
        if (page.statusCode() != 200 || !csrf.find()) {
            throw new IllegalStateException("registration page of user " + userId + ": " + page.statusCode());
        }
        String form = "token=" + enc(token) + "&firstName=Bench&lastName=User&language=en"
                + "&password=" + enc("Sommer-2026!") + "&passwordConfirmation=" + enc("Sommer-2026!")
                + "&_csrf=" + enc(csrf.group(1));
        HttpResponse<String> done = client.send(HttpRequest.newBuilder(app.uri("/register"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (done.statusCode() != 302 || !done.headers().firstValue("Location").orElse("").contains("/register/done")) {
            throw new IllegalStateException("registration of user " + userId + " refused: " + done.statusCode());
        }
    }

    /** 100,000 users over 200 clients (inserted directly), then the API's list: filtered and sorted. */
    void adminList() throws Exception {
        int clients = 200;
        List<Long> clientIds = new ArrayList<>();
        try (Connection db = DriverManager.getConnection(dbUrl, dbUser, "")) {
            db.setAutoCommit(false);
            try (PreparedStatement insert = db.prepareStatement("insert into client (name, created_at) values (?, now())",
                    Statement.RETURN_GENERATED_KEYS)) {
                for (int c = 0; c < clients; c++) {
                    insert.setString(1, "List Client " + c);
                    insert.executeUpdate();
                    try (var keys = insert.getGeneratedKeys()) {
                        keys.next();
                        clientIds.add(keys.getLong(1));
                    }
                }
            }
            String[] statuses = {"ACTIVE", "ACTIVE", "ACTIVE", "DEACTIVATED", "INVITED"};
            try (PreparedStatement user = db.prepareStatement("insert into user_account (email, email_normalized, "
                    + "first_name, last_name, language, status, role_code, created_at) values (?, ?, ?, ?, 'EN', ?, "
                    + "'STANDARD', now())", Statement.RETURN_GENERATED_KEYS);
                    PreparedStatement link = db.prepareStatement("insert into user_client (user_id, client_id) "
                            + "values (?, ?)")) {
                for (int u = 0; u < scale.listUsers; u++) {
                    String email = "list-" + u + "@bench.example";
                    user.setString(1, email);
                    user.setString(2, email);
                    user.setString(3, FIRST[u % FIRST.length]);
                    user.setString(4, LAST[(u / FIRST.length) % LAST.length] + " " + u);
                    user.setString(5, statuses[u % statuses.length]);
                    user.addBatch();
                    if (u % 1000 == 999 || u == scale.listUsers - 1) {
                        user.executeBatch();
                        try (var keys = user.getGeneratedKeys()) {
                            int k = 0;
                            while (keys.next()) {
                                link.setLong(1, keys.getLong(1));
                                link.setLong(2, clientIds.get((u - k) % clients));
                                link.addBatch();
                                k++;
                            }
                        }
                        link.executeBatch();
                        db.commit();
                    }
                }
            }
            try (Statement analyze = db.createStatement()) {
                db.setAutoCommit(true);
                analyze.execute("analyze");
            }
        }
        String[] queries = {"/api/users?page=5", "/api/users?status=DEACTIVATED&page=2",
                "/api/users?client=" + clientIds.get(17), "/api/users?sort=name&page=3"};
        String[] labels = {"page 6, no filter", "filtered by status", "filtered by client", "sorted by name"};
        for (int q = 0; q < queries.length; q++) {
            String query = queries[q];
            closedLoop(1, 20, i -> apiGet(query));
            Latencies list = closedLoop(1, scale.listCalls, i -> apiGet(query));
            row(String.format(Locale.ROOT, "Admin list, %,d users / %d clients", scale.listUsers, clients),
                    labels[q] + ": p50 / p95", list.p(50) + " / " + list.p(95) + " ms", "");
        }
    }

    static final String[] FIRST = {"Anna", "Ben", "Carla", "David", "Eva", "Felix", "Greta", "Hans", "Ina", "Jonas"};
    static final String[] LAST = {"Berg", "Vogel", "Lind", "Kurz", "Maier", "Schulz", "Wolf", "Klein", "Roth"};

    /** POST /api/invitations: a standard user of the benchmark's client; the answer names the new ids. */
    String invite(String email, String name, String personalText) throws Exception {
        String[] names = name.split(" ", 2);
        return apiPost("/api/invitations", "{\"email\":\"" + email + "\",\"firstName\":\"" + names[0]
                + "\",\"lastName\":\"" + names[1] + "\",\"language\":\"en\",\"role\":\"STANDARD\","
                + "\"permissions\":[],\"clients\":[" + clientId + "]"
                + (personalText == null ? "" : ",\"personalText\":\"" + personalText + "\"") + "}");
    }

    long createClient(String name) throws Exception {
        String created = apiPost("/api/clients", "{\"name\":\"" + name + "\"}");
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created);
        if (!id.find()) {
            throw new IllegalStateException("client not created: " + created);
        }
        return Long.parseLong(id.group(1));
    }

    String apiPost(String path, String json) throws Exception {
        HttpResponse<String> response = Http.client().send(HttpRequest.newBuilder(app.uri(path))
                .header("Authorization", BASIC).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() >= 300) {
            throw new IllegalStateException(path + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }

    String apiGet(String path) throws Exception {
        HttpResponse<String> response = Http.client().send(HttpRequest.newBuilder(app.uri(path))
                .header("Authorization", BASIC).GET().build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + " answered " + response.statusCode());
        }
        return response.body();
    }

    interface Operation {
        void run(int index) throws Exception;
    }

    /** {@code clients} threads, each with its own connection, run the operations 0..count-1 back to back. */
    static Latencies closedLoop(int clients, int count, Operation operation) throws Exception {
        Latencies latencies = new Latencies();
        AtomicInteger next = new AtomicInteger();
        AtomicLong failures = new AtomicLong();
        List<Throwable> errors = new CopyOnWriteArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        CountDownLatch done = new CountDownLatch(clients);
        long start = System.nanoTime();
        for (int c = 0; c < clients; c++) {
            pool.execute(() -> {
                try {
                    for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
                        long t = System.nanoTime();
                        try {
                            operation.run(i);
                            latencies.add((System.nanoTime() - t) / 1_000_000);
                        } catch (StormOver over) {
                            break;
                        } catch (Exception e) {
                            failures.incrementAndGet();
                            if (errors.size() < 3) {
                                errors.add(e);
                            }
                        }
                    }
                } finally {
                    Http.forget();
                    done.countDown();
                }
            });
        }
        done.await();
        pool.shutdown();
        latencies.elapsedNanos = System.nanoTime() - start;
        if (failures.get() > 0) {
            errors.forEach(Throwable::printStackTrace);
            throw new IllegalStateException(failures.get() + " of " + count + " operations failed");
        }
        return latencies;
    }

    void row(String phase, String what, String value, String ratio) {
        table.add(new String[] {phase, what, value, ratio});
    }

    String markdown() {
        StringBuilder out = new StringBuilder();
        out.append("| phase | figure | value | × floor |\n|---|---|---|---|\n");
        for (String[] r : table) {
            out.append("| ").append(String.join(" | ", r)).append(" |\n");
        }
        for (String note : notes) {
            out.append("\n").append(note).append("\n");
        }
        return out.toString();
    }

    static String ratio(double value, Double floor) {
        return floor == null || floor == 0 ? "" : String.format(Locale.ROOT, "%.2f", value / floor);
    }

    static String ms(long millis) {
        return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    static String mib(long kib) {
        return (kib / 1024) + " MiB";
    }

    static String enc(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    /** Request latencies in milliseconds. */
    static final class Latencies {
        final List<Long> values = Collections.synchronizedList(new ArrayList<>());
        long elapsedNanos;

        void add(long millis) {
            values.add(millis);
        }

        long p(double percentile) {
            List<Long> sorted;
            synchronized (values) {
                sorted = new ArrayList<>(values);
            }
            if (sorted.isEmpty()) {
                return -1;
            }
            Collections.sort(sorted);
            int index = (int) Math.ceil(percentile / 100 * sorted.size()) - 1;
            return sorted.get(Math.max(0, Math.min(index, sorted.size() - 1)));
        }

        double rate() {
            return values.size() / (elapsedNanos / 1e9);
        }
    }

    /** One HTTP/1.1 client per driver thread: one keep-alive connection per closed-loop client. */
    static final class Http {
        static final ThreadLocal<HttpClient> CLIENT = ThreadLocal.withInitial(() -> HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1).followRedirects(HttpClient.Redirect.NEVER)
                .cookieHandler(new java.net.CookieManager()).connectTimeout(Duration.ofSeconds(5)).build());

        static HttpClient client() {
            return CLIENT.get();
        }

        static void forget() {
            CLIENT.remove();
        }
    }

    /** CPU time of processes, from /proc, in clock ticks. */
    static final class Cpu {
        static long ticks(long pid) {
            try {
                String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
                String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            } catch (IOException | RuntimeException e) {
                return 0;
            }
        }

        /** Every PostgreSQL process: the server's backends serve the application's pool. */
        static long postgresTicks() throws IOException {
            long total = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path process : processes.toList()) {
                    String name = process.getFileName().toString();
                    if (!name.chars().allMatch(Character::isDigit)) {
                        continue;
                    }
                    try {
                        if (Files.readString(process.resolve("comm")).startsWith("postgres")) {
                            total += ticks(Long.parseLong(name));
                        }
                    } catch (IOException e) {
                        // the process ended meanwhile
                    }
                }
            }
            return total;
        }
    }

    /** The application as a separate JVM, started from the jar with the postgres profile. */
    static final class App {
        static final AtomicInteger STARTS = new AtomicInteger();
        final Process process;
        final int port;
        long startMillis;
        long idleRssKib;

        private App(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        static App start(Path jar, String dbUrl, String dbUser, int smtpPort, String javaOptions) throws Exception {
            int port;
            try (ServerSocket free = new ServerSocket(0)) {
                port = free.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of("java"));
            if (!javaOptions.isBlank()) {
                // "%n" in an option becomes the number of this start (a flight recording per start).
                String numbered = javaOptions.replace("%n", String.valueOf(STARTS.incrementAndGet()));
                command.addAll(Arrays.asList(numbered.trim().split("\\s+")));
            }
            command.addAll(List.of("-jar", jar.toString(), "--spring.profiles.active=postgres",
                    "--server.port=" + port));
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(Map.of("ONBOARDING_DB_URL", dbUrl, "ONBOARDING_DB_USER", dbUser,
                    "ONBOARDING_DB_PASSWORD", "", "ONBOARDING_SMTP_HOST", "127.0.0.1",
                    "ONBOARDING_SMTP_PORT", String.valueOf(smtpPort),
                    "ONBOARDING_PUBLIC_BASE_URL", "http://127.0.0.1:" + port,
                    "CAMUNDA_BPM_ADMINUSER_ID", ADMIN, "CAMUNDA_BPM_ADMINUSER_PASSWORD", ADMIN_PASSWORD));
            Path log = Path.of("target", "bench-app.log");
            Files.createDirectories(log.getParent());
            builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
            long t = System.nanoTime();
            App app = new App(builder.start(), port);
            HttpClient client = HttpClient.newHttpClient();
            while (true) {
                if (!app.process.isAlive()) {
                    throw new IllegalStateException("the application stopped; see " + log);
                }
                try {
                    HttpResponse<String> health = client.send(HttpRequest.newBuilder(app.uri("/actuator/health"))
                            .GET().build(), HttpResponse.BodyHandlers.ofString());
                    if (health.statusCode() == 200) {
                        break;
                    }
                } catch (IOException e) {
                    // not listening yet
                }
                Thread.sleep(50);
            }
            app.startMillis = (System.nanoTime() - t) / 1_000_000;
            Thread.sleep(1_000);
            app.idleRssKib = app.rssKib();
            System.out.printf(Locale.ROOT, "application ready in %.1f s (pid %d, port %d)%n", app.startMillis / 1e3,
                    app.process.pid(), port);
            return app;
        }

        URI uri(String path) {
            return URI.create("http://127.0.0.1:" + port + path);
        }

        long cpuTicks() {
            return Cpu.ticks(process.pid());
        }

        long rssKib() {
            try {
                for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(process.pid()), "status"))) {
                    if (line.startsWith("VmRSS:")) {
                        return Long.parseLong(line.replaceAll("\\D", ""));
                    }
                }
            } catch (IOException e) {
                // gone
            }
            return 0;
        }

        /** The password-hash timer from /actuator/prometheus: count and total seconds. */
        double[] hashTimer() throws Exception {
            HttpResponse<String> metrics = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    uri("/actuator/prometheus")).header("Authorization", BASIC).GET().build(),
                    HttpResponse.BodyHandlers.ofString());
            double count = 0;
            double sum = 0;
            for (String line : metrics.body().split("\n")) {
                if (line.startsWith("onboarding_password_hash_seconds_count")) {
                    count = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                } else if (line.startsWith("onboarding_password_hash_seconds_sum")) {
                    sum = Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
                }
            }
            return new double[] {count, sum};
        }

        void stop() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }

    /**
     * The floor: what one invitation inserts (a user, their client, the invitation, an audit entry), as one plain
     * JDBC transaction, at the same concurrency, into tables of its own in the same database.
     */
    /**
     * What PostgreSQL does per invitation in the 4-client invite phase, everything the service does meanwhile included
     * (the mail jobs, the job executor's polls): transactions (pg_stat_database) and, where the server preloads
     * pg_stat_statements, the statements, their execution time and the costliest of them. Execution time is only part
     * of the server's CPU: parsing, commits and the WAL come on top.
     */
    static final class DatabaseWork {
        final String url;
        final String user;
        final boolean statements;
        long commitsBefore;

        DatabaseWork(String url, String user) throws SQLException {
            this.url = url;
            this.user = user;
            boolean available;
            try (Connection db = DriverManager.getConnection(url, user, ""); Statement sql = db.createStatement()) {
                sql.execute("create extension if not exists pg_stat_statements");
                sql.executeQuery("select count(*) from pg_stat_statements").close();
                available = true;
            } catch (SQLException notPreloaded) {
                available = false;
            }
            this.statements = available;
        }

        void start() throws SQLException {
            commitsBefore = commits();
            if (statements) {
                query("select pg_stat_statements_reset()");
            }
        }

        void report(Benchmark benchmark, int invitations) throws Exception {
            Thread.sleep(11_000); // idle backends report their transactions within 10 s
            double commits = (commits() - commitsBefore) / (double) invitations;
            if (!statements) {
                benchmark.row("Database, 4 clients", "transactions per invite", String.format(Locale.ROOT, "%.1f",
                        commits), "");
                benchmark.notes.add("Statements per invitation: pg_stat_statements is not preloaded here "
                        + "(shared_preload_libraries), so only transactions were counted.");
                return;
            }
            List<List<Object>> total = query("select sum(calls), sum(total_exec_time) from pg_stat_statements "
                    + "where dbid = (select oid from pg_database where datname = current_database())");
            benchmark.row("Database, 4 clients", "transactions / statements per invite; their execution time",
                    String.format(Locale.ROOT, "%.1f / %.1f; %.2f ms", commits,
                            ((Number) total.get(0).get(0)).doubleValue() / invitations,
                            ((Number) total.get(0).get(1)).doubleValue() / invitations), "");
            StringBuilder top = new StringBuilder("The costliest statements of the 4-client invite phase, per "
                    + "invitation (pg_stat_statements):\n\n| calls | execution ms | statement |\n|---|---|---|\n");
            for (List<Object> row : query("select calls, total_exec_time, regexp_replace(query, '\\s+', ' ', 'g') "
                    + "from pg_stat_statements where dbid = (select oid from pg_database where datname = "
                    + "current_database()) order by total_exec_time desc limit 12")) {
                String statement = row.get(2).toString();
                statement = statement.length() > 90 ? statement.substring(0, 90) + "…" : statement;
                top.append(String.format(Locale.ROOT, "| %.2f | %.3f | `%s` |%n",
                        ((Number) row.get(0)).doubleValue() / invitations,
                        ((Number) row.get(1)).doubleValue() / invitations, statement.replace("|", "\\|")));
            }
            benchmark.notes.add(top.toString().trim());
        }

        long commits() throws SQLException {
            return ((Number) query("select xact_commit from pg_stat_database where datname = current_database()")
                    .get(0).get(0)).longValue();
        }

        List<List<Object>> query(String sql) throws SQLException {
            try (Connection db = DriverManager.getConnection(url, user, ""); Statement statement = db.createStatement();
                    java.sql.ResultSet rows = statement.executeQuery(sql)) {
                List<List<Object>> result = new ArrayList<>();
                while (rows.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= rows.getMetaData().getColumnCount(); c++) {
                        row.add(rows.getObject(c));
                    }
                    result.add(row);
                }
                return result;
            }
        }
    }

    static final class Floor {
        final String url;
        final String user;

        Floor(String url, String user) throws SQLException {
            this.url = url;
            this.user = user;
            try (Connection db = DriverManager.getConnection(url, user, ""); Statement ddl = db.createStatement()) {
                ddl.execute("create table if not exists floor_user (id bigserial primary key, email varchar(254) "
                        + "not null unique, first_name varchar(100), last_name varchar(100), status varchar(20), "
                        + "created_at timestamptz)");
                ddl.execute("create table if not exists floor_user_client (user_id bigint references floor_user, "
                        + "client_id bigint, primary key (user_id, client_id))");
                ddl.execute("create table if not exists floor_invitation (id bigserial primary key, user_id bigint "
                        + "references floor_user, status varchar(20), token_hash varchar(64) unique, expires_at "
                        + "timestamptz, created_at timestamptz)");
                ddl.execute("create table if not exists floor_audit (id bigserial primary key, occurred_at "
                        + "timestamptz, actor varchar(254), action varchar(50), details varchar(1000))");
            }
        }

        double run(int clients, int count) throws Exception {
            int run = (int) (System.nanoTime() & 0xffffff);
            ThreadLocal<Connection> connections = new ThreadLocal<>();
            List<Connection> opened = new CopyOnWriteArrayList<>();
            Latencies result = closedLoop(clients, count, i -> {
                Connection db = connections.get();
                if (db == null) {
                    db = DriverManager.getConnection(url, user, "");
                    db.setAutoCommit(false);
                    connections.set(db);
                    opened.add(db);
                }
                long userId;
                try (PreparedStatement insert = db.prepareStatement("insert into floor_user (email, first_name, "
                        + "last_name, status, created_at) values (?, 'Bench', 'User', 'INVITED', now())",
                        Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, "floor-" + run + "-" + i + "@bench.example");
                    insert.executeUpdate();
                    try (var keys = insert.getGeneratedKeys()) {
                        keys.next();
                        userId = keys.getLong(1);
                    }
                }
                try (PreparedStatement insert = db.prepareStatement(
                        "insert into floor_user_client (user_id, client_id) values (?, 1)")) {
                    insert.setLong(1, userId);
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = db.prepareStatement("insert into floor_invitation (user_id, status, "
                        + "token_hash, expires_at, created_at) values (?, 'PENDING', md5(random()::text) || "
                        + "md5(random()::text), now() + interval '21 days', now())")) {
                    insert.setLong(1, userId);
                    insert.executeUpdate();
                }
                try (PreparedStatement insert = db.prepareStatement("insert into floor_audit (occurred_at, actor, "
                        + "action, details) values (now(), 'bench', 'INVITATION_SENT', 'invitation')")) {
                    insert.executeUpdate();
                }
                db.commit();
            });
            for (Connection db : opened) {
                db.close();
            }
            System.out.printf(Locale.ROOT, "floor      %2d clients: %5d transactions, %.0f/s%n", clients, count,
                    result.rate());
            return result.rate();
        }
    }

    /**
     * An SMTP server that takes every mail (optionally acknowledging each after a delay), notes when it arrived for
     * whom, and keeps the link token it carries.
     */
    static final class SmtpSink {
        static final Pattern TOKEN = Pattern.compile("/register\\?token=([A-Za-z0-9_-]{43})");
        static final jakarta.mail.Session MAIL_SESSION = jakarta.mail.Session.getInstance(new java.util.Properties());
        final ServerSocket server;
        final Map<String, List<long[]>> arrivals = new ConcurrentHashMap<>();
        /** The latest mail to each address, as received. */
        final Map<String, String> mails = new ConcurrentHashMap<>();
        final AtomicLong received = new AtomicLong();
        volatile long delayMillis;

        SmtpSink() throws IOException {
            server = new ServerSocket(0, 200, InetAddress.getLoopbackAddress());
            Thread acceptor = new Thread(this::accept, "smtp-sink");
            acceptor.setDaemon(true);
            acceptor.start();
        }

        int port() {
            return server.getLocalPort();
        }

        void accept() {
            while (true) {
                try {
                    Socket socket = server.accept();
                    Thread session = new Thread(() -> session(socket), "smtp-session");
                    session.setDaemon(true);
                    session.start();
                } catch (IOException e) {
                    return;
                }
            }
        }

        void session(Socket socket) {
            try (socket; InputStream in = socket.getInputStream(); OutputStream out = socket.getOutputStream()) {
                BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
                send(out, "220 bench-sink ESMTP");
                List<String> recipients = new ArrayList<>();
                String line;
                while ((line = reader.readLine()) != null) {
                    String command = line.length() >= 4 ? line.substring(0, 4).toUpperCase(Locale.ROOT) : line;
                    switch (command) {
                        case "EHLO" -> send(out, "250-bench-sink\r\n250-8BITMIME\r\n250 SMTPUTF8");
                        case "HELO" -> send(out, "250 bench-sink");
                        case "MAIL" -> {
                            recipients.clear();
                            send(out, "250 OK");
                        }
                        case "RCPT" -> {
                            int open = line.indexOf('<');
                            recipients.add(line.substring(open + 1, line.indexOf('>', open)).toLowerCase(Locale.ROOT));
                            send(out, "250 OK");
                        }
                        case "DATA" -> {
                            send(out, "354 go ahead");
                            StringBuilder data = new StringBuilder();
                            String body;
                            while ((body = reader.readLine()) != null && !body.equals(".")) {
                                // SMTP transparency: a leading dot was doubled by the client.
                                data.append(body.startsWith("..") ? body.substring(1) : body).append("\r\n");
                            }
                            if (delayMillis > 0) {
                                Thread.sleep(delayMillis);
                            }
                            long now = System.nanoTime();
                            // Kept raw: decoding every mail here would spend the machine's CPU during the phases.
                            String raw = data.toString();
                            for (String recipient : recipients) {
                                arrivals.computeIfAbsent(recipient, r -> new CopyOnWriteArrayList<>())
                                        .add(new long[] {now});
                                mails.put(recipient, raw);
                            }
                            received.incrementAndGet();
                            send(out, "250 OK queued");
                        }
                        case "RSET", "NOOP" -> send(out, "250 OK");
                        case "QUIT" -> {
                            send(out, "221 bye");
                            return;
                        }
                        default -> send(out, "250 OK");
                    }
                }
            } catch (IOException | InterruptedException e) {
                // the client went away
            }
        }

        /**
         * The registration link's token in a mail's text part, decoded as a mail client decodes it (Jakarta Mail, the
         * service's own library): matching the raw quoted-printable text missed a few tokens in 1,000.
         */
        static String linkToken(String raw) {
            try {
                jakarta.mail.internet.MimeMessage message = new jakarta.mail.internet.MimeMessage(MAIL_SESSION,
                        new java.io.ByteArrayInputStream(raw.getBytes(StandardCharsets.ISO_8859_1)));
                Matcher token = TOKEN.matcher(textPart(message.getContent()));
                return token.find() ? token.group(1) : null;
            } catch (Exception e) {
                throw new IllegalStateException("unreadable mail", e);
            }
        }

        static String textPart(Object content) throws Exception {
            if (content instanceof String text) {
                return text;
            }
            if (content instanceof jakarta.mail.Multipart multipart) {
                for (int i = 0; i < multipart.getCount(); i++) {
                    jakarta.mail.BodyPart part = multipart.getBodyPart(i);
                    if (part.isMimeType("text/plain") || part.isMimeType("multipart/*")) {
                        String text = textPart(part.getContent());
                        if (!text.isEmpty()) {
                            return text;
                        }
                    }
                }
            }
            return "";
        }

        static void send(OutputStream out, String reply) throws IOException {
            out.write((reply + "\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        /** Waits until every address has a mail; returns when the last of them arrived (System.nanoTime). */
        long awaitAll(java.util.Set<String> addresses, Duration timeout) throws InterruptedException {
            long deadline = System.nanoTime() + timeout.toNanos();
            while (true) {
                long last = 0;
                int missing = 0;
                for (String address : addresses) {
                    List<long[]> got = arrivals.get(address.toLowerCase(Locale.ROOT));
                    if (got == null || got.isEmpty()) {
                        missing++;
                    } else {
                        last = Math.max(last, got.get(0)[0]);
                    }
                }
                if (missing == 0) {
                    return last;
                }
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException(missing + " mails did not arrive");
                }
                Thread.sleep(20);
            }
        }

        int count(String address) {
            List<long[]> got = arrivals.get(address.toLowerCase(Locale.ROOT));
            return got == null ? 0 : got.size();
        }

        long firstArrival(String address) {
            return arrivals.get(address.toLowerCase(Locale.ROOT)).get(0)[0];
        }

        String latestToken(String address) {
            String raw = mails.get(address.toLowerCase(Locale.ROOT));
            String token = raw == null ? null : linkToken(raw);
            if (token == null) {
                throw new IllegalStateException("no link for " + address);
            }
            return token;
        }
    }
}
