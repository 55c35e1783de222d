package com.onboarding.support;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A database of a suite's own on the machine's PostgreSQL server (created, then dropped), for the tests that start the
 * packaged service; and the server itself (for the restart of the reliability suite).
 */
public final class Postgres {

    public static final String SERVER_URL = env("ONBOARDING_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/postgres");
    public static final String USER = env("ONBOARDING_TEST_PG_USER", "postgres");
    public static final String PASSWORD = env("ONBOARDING_TEST_PG_PASSWORD", "");

    public final String name = "onboarding_packaged_" + UUID.randomUUID().toString().replace("-", "").substring(0, 10);
    public final String url = SERVER_URL.substring(0, SERVER_URL.lastIndexOf('/') + 1) + name;

    public Postgres create() throws SQLException {
        execute(SERVER_URL, "create database " + name);
        return this;
    }

    public void drop() throws SQLException {
        execute(SERVER_URL, "drop database if exists " + name + " with (force)");
    }

    public long count(String sql, Object... parameters) throws SQLException {
        List<List<Object>> rows = query(sql, parameters);
        return ((Number) rows.get(0).get(0)).longValue();
    }

    public List<List<Object>> query(String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet result = statement.executeQuery()) {
                List<List<Object>> rows = new ArrayList<>();
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    List<Object> row = new ArrayList<>();
                    for (int c = 1; c <= columns; c++) {
                        row.add(result.getObject(c));
                    }
                    rows.add(row);
                }
                return rows;
            }
        }
    }

    public int update(String sql, Object... parameters) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
                var statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement.executeUpdate();
        }
    }

    /**
     * Restarts the PostgreSQL server (fast mode: open connections are cut, as in a crash or fail-over), with
     * Debian's pg_ctlcluster. Returns how long the server was away.
     */
    public static long restartServer() throws Exception {
        String version = new String(new ProcessBuilder("ls", "/etc/postgresql").start().getInputStream().readAllBytes())
                .trim().split("\\s+")[0];
        long start = System.nanoTime();
        Process restart = new ProcessBuilder("pg_ctlcluster", "--skip-systemctl-redirect", version, "main", "restart",
                "-m", "fast").redirectErrorStream(true).start();
        if (!restart.waitFor(60, TimeUnit.SECONDS) || restart.exitValue() != 0) {
            throw new IllegalStateException("pg_ctlcluster restart failed: "
                    + new String(restart.getInputStream().readAllBytes()));
        }
        while (true) {
            try (Connection ignored = DriverManager.getConnection(SERVER_URL, USER, PASSWORD)) {
                return (System.nanoTime() - start) / 1_000_000;
            } catch (SQLException notYet) {
                Thread.sleep(100);
            }
        }
    }

    /** Whether this machine lets the suite restart the server (Debian's cluster tools, run as root or postgres). */
    public static boolean canRestartServer() {
        try {
            Process check = new ProcessBuilder("pg_lsclusters").redirectErrorStream(true).start();
            return check.waitFor(10, TimeUnit.SECONDS) && check.exitValue() == 0
                    && ("root".equals(System.getProperty("user.name")) || "postgres".equals(System.getProperty("user.name")));
        } catch (Exception e) {
            return false;
        }
    }

    private static void execute(String url, String sql) throws SQLException {
        try (Connection connection = DriverManager.getConnection(url, USER, PASSWORD);
                Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
