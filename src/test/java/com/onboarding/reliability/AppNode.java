package com.onboarding.reliability;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One instance of the application as it runs in production: the packaged jar in a JVM of its own, the
 * {@code postgres} profile, mail to the suite's SMTP server. It can be stopped, or killed as {@code kill -9} kills.
 */
final class AppNode {

    static final String ADMIN = "reliability";
    static final String ADMIN_PASSWORD = "Harbour-Lights-7!";

    /**
     * What the suite changes against the defaults, so that an hour's outage fits into seconds: mail retries 1, 2
     * and 4 s apart (the product: 1 min to 2 h), SMTP timeouts of 3 s, a job lock of 20 s (the time after which a
     * dead node's jobs go to another node; Camunda's default is 5 min) and quicker job acquisition.
     */
    private static final List<String> SETTINGS = List.of(
            "--onboarding.mail.retry-intervals=PT1S,PT2S,PT4S",
            "--spring.mail.properties.mail.smtp.connectiontimeout=3000",
            "--spring.mail.properties.mail.smtp.timeout=3000",
            "--spring.mail.properties.mail.smtp.writetimeout=3000",
            "--camunda.bpm.job-execution.lock-time-in-millis=20000",
            // Acquisition looks for due jobs at least every 3 s (Camunda's idle back-off goes up to 60 s).
            "--camunda.bpm.job-execution.wait-time-in-millis=1000",
            "--camunda.bpm.job-execution.max-wait=3000",
            "--logging.level.org.camunda.bpm.engine.jobexecutor=ERROR");

    /** Every node this JVM started: none outlives the suite, even when a scenario fails half-way. */
    private static final List<Process> LAUNCHED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LAUNCHED.forEach(Process::destroyForcibly)));
    }

    final String name;
    final int port;
    private final Process process;
    private final Path log;

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a node and returns once its health check answers UP. */
    static AppNode start(String name, Path jar, String databaseUrl, int smtpPort) throws Exception {
        AppNode node = launch(name, jar, databaseUrl, smtpPort);
        node.awaitReady(Duration.ofMinutes(2));
        return node;
    }

    /** Starts a node without waiting for it (two nodes starting at once). */
    static AppNode launch(String name, Path jar, String databaseUrl, int smtpPort) throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(),
                "--spring.profiles.active=postgres", "--server.port=" + port));
        command.addAll(SETTINGS);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(Map.of(
                "ONBOARDING_DB_URL", databaseUrl, "ONBOARDING_DB_USER", Postgres.USER,
                "ONBOARDING_DB_PASSWORD", Postgres.PASSWORD,
                "ONBOARDING_SMTP_HOST", "127.0.0.1", "ONBOARDING_SMTP_PORT", String.valueOf(smtpPort),
                "ONBOARDING_PUBLIC_BASE_URL", "http://localhost:" + port,
                "CAMUNDA_BPM_ADMINUSER_ID", ADMIN, "CAMUNDA_BPM_ADMINUSER_PASSWORD", ADMIN_PASSWORD));
        Path log = Path.of("target", "reliability", name + ".log");
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        LAUNCHED.add(process);
        return new AppNode(name, port, process, log);
    }

    void awaitReady(Duration timeout) throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException(name + " stopped during start-up; see " + log);
            }
            try {
                HttpResponse<String> health = client.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + "/actuator/health/readiness")).GET().build(),
                        HttpResponse.BodyHandlers.ofString());
                if (health.statusCode() == 200) {
                    return;
                }
            } catch (IOException notYet) {
                // not listening yet
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + "; see " + log);
    }

    /** SIGKILL: no shutdown hook, no commit, no goodbye. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    boolean alive() {
        return process.isAlive();
    }

    String logText() throws IOException {
        return Files.readString(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
