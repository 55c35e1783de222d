package com.onboarding.support;

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
 * One instance of the application as it runs in production: an {@link Artifact} (the packaged jar, or the
 * Dockerfile's layout) in a JVM of its own, the {@code postgres} profile, mail to a test's SMTP server, the first
 * administrator {@link #ADMIN}. It can be stopped, or killed as {@code kill -9} kills.
 */
public final class AppNode {

    public static final String ADMIN = "reliability";
    public static final String ADMIN_PASSWORD = "Harbour-Lights-7!";

    private static final Path LOGS = Path.of("target", "nodes");

    /** Every node this JVM started: none outlives the suite, even when a scenario fails half-way. */
    private static final List<Process> LAUNCHED = new java.util.concurrent.CopyOnWriteArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(() -> LAUNCHED.forEach(Process::destroyForcibly)));
    }

    public final String name;
    public final int port;
    private final Process process;
    private final Path log;

    private AppNode(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    /** Starts a node and returns once its health check answers UP. */
    public static AppNode start(String name, Artifact artifact, String databaseUrl, int smtpPort, List<String> settings)
            throws Exception {
        AppNode node = launch(name, artifact, databaseUrl, smtpPort, settings);
        node.awaitReady(Duration.ofMinutes(2));
        return node;
    }

    /**
     * Starts a node without waiting for it (two nodes starting at once). {@code settings} are command-line
     * properties of the test's ({@code --name=value}) beside the database, the mail server, the port and the admin.
     */
    public static AppNode launch(String name, Artifact artifact, String databaseUrl, int smtpPort, List<String> settings)
            throws IOException {
        int port = freePort();
        List<String> command = new ArrayList<>(artifact.command());
        command.addAll(List.of("--spring.profiles.active=postgres", "--server.port=" + port));
        command.addAll(settings);
        ProcessBuilder builder = new ProcessBuilder(command);
        builder.environment().putAll(artifact.environment());
        builder.environment().putAll(Map.of(
                "ONBOARDING_DB_URL", databaseUrl, "ONBOARDING_DB_USER", Postgres.USER,
                "ONBOARDING_DB_PASSWORD", Postgres.PASSWORD,
                "ONBOARDING_SMTP_HOST", "127.0.0.1", "ONBOARDING_SMTP_PORT", String.valueOf(smtpPort),
                "ONBOARDING_PUBLIC_BASE_URL", "http://localhost:" + port,
                "CAMUNDA_BPM_ADMINUSER_ID", ADMIN, "CAMUNDA_BPM_ADMINUSER_PASSWORD", ADMIN_PASSWORD,
                // The same setting under Operaton's prefix: each engine reads its own.
                "OPERATON_BPM_ADMINUSER_ID", ADMIN, "OPERATON_BPM_ADMINUSER_PASSWORD", ADMIN_PASSWORD));
        Path log = LOGS.resolve(name + ".log");
        Files.createDirectories(log.getParent());
        builder.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        Process process = builder.start();
        LAUNCHED.add(process);
        return new AppNode(name, port, process, log);
    }

    public void awaitReady(Duration timeout) throws Exception {
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
    public void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor(30, TimeUnit.SECONDS);
    }

    public void stop() throws InterruptedException {
        if (process.isAlive()) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                kill();
            }
        }
    }

    public boolean alive() {
        return process.isAlive();
    }

    public String logText() throws IOException {
        return Files.readString(log);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
