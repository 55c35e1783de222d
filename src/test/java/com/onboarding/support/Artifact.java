package com.onboarding.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What users run, as a command line: the packaged jar started as {@code java -jar target/onboarding-….jar}, or the
 * Dockerfile's layout (the jar extracted by Spring Boot's tools mode, its class data sharing archive from the same
 * training run, started with the Dockerfile's JVM options and environment). Both are built from target/, after
 * {@code mvn package}; the failsafe tests that start them run in {@code verify}.
 */
public record Artifact(String description, List<String> command, Map<String, String> environment) {

    /** The build's directory: target/ for Camunda 7, target/operaton/ for the Operaton build (set by the pom). */
    private static final Path TARGET = Path.of(System.getProperty("onboarding.build.directory", "target"));
    /** The Camunda 7 build's directory, which the Operaton build's carry-over test starts the jar of too. */
    private static final Path CAMUNDA_TARGET = Path.of("target");
    private static final Path DOCKERFILE = Path.of("Dockerfile");

    /** {@code java -jar target/onboarding-….jar}, with the JVM's defaults, as the README's reader types it. */
    public static Artifact packagedJar() {
        return packagedJar(List.of());
    }

    /** The packaged jar with JVM options of the caller's. */
    public static Artifact packagedJar(List<String> jvmOptions) {
        return packagedJar(jar(), jvmOptions);
    }

    /** The Camunda 7 build's packaged jar (target/onboarding-….jar), whichever engine this build is for. */
    public static Artifact camundaJar(List<String> jvmOptions) {
        return packagedJar(jarIn(CAMUNDA_TARGET), jvmOptions);
    }

    /** Whether this build is the Camunda 7 build (its jar is the one {@link #camundaJar} starts). */
    public static boolean isCamundaBuild() {
        return TARGET.toAbsolutePath().normalize().equals(CAMUNDA_TARGET.toAbsolutePath().normalize());
    }

    private static Artifact packagedJar(Path jar, List<String> jvmOptions) {
        List<String> command = new ArrayList<>(List.of(java()));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString()));
        return new Artifact("java -jar " + jar, command, Map.of());
    }

    /**
     * The Dockerfile's run stage on this machine: the jar extracted as {@code app.jar} with its {@code lib/}, the
     * training run that writes {@code app.jsa}, and the ENTRYPOINT's command with the Dockerfile's JAVA_OPTS and
     * MALLOC_ARENA_MAX (read from the Dockerfile, so that a change there is what the test runs).
     */
    public static synchronized Artifact dockerLayout() {
        try {
            Path root = TARGET.resolve("docker-layout").toAbsolutePath();
            Path service = root.resolve("service");
            Path app = service.resolve("app.jar");
            Path archive = service.resolve("app.jsa");
            List<String> options = Arrays.asList(dockerfileValue("JAVA_OPTS").split("\\s+"));
            Map<String, String> environment = Map.of("MALLOC_ARENA_MAX", dockerfileValue("MALLOC_ARENA_MAX"));
            if (!Files.exists(archive) || Files.getLastModifiedTime(archive).compareTo(Files.getLastModifiedTime(jar())) < 0) {
                deleteRecursively(root);
                Files.createDirectories(root);
                Path copy = root.resolve("app.jar");
                Files.copy(jar(), copy);
                run(environment, java(), "-Djarmode=tools", "-jar", copy.toString(), "extract", "--destination",
                        service.toString());
                List<String> training = new ArrayList<>(List.of(java()));
                training.addAll(options);
                training.addAll(List.of("-XX:ArchiveClassesAtExit=" + archive, "-Dspring.context.exit=onRefresh",
                        "-jar", app.toString(), "--spring.datasource.url=jdbc:h2:mem:training",
                        "--onboarding.dev-smtp.enabled=false"));
                run(environment, training.toArray(String[]::new));
            }
            List<String> command = new ArrayList<>(List.of(java()));
            command.addAll(options);
            command.addAll(List.of("-XX:SharedArchiveFile=" + archive, "-jar", app.toString()));
            return new Artifact("the Dockerfile's layout (" + app + ")", command, environment);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** This build's onboarding-….jar, built by {@code mvn package}. */
    public static Path jar() {
        return jarIn(TARGET);
    }

    private static Path jarIn(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(p -> p.getFileName().toString().matches("onboarding-.*\\.jar")).findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            "No " + directory + "/onboarding-*.jar: run mvn package first"))
                    .toAbsolutePath();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A value of an ENV line of the Dockerfile ({@code ENV NAME=value} or {@code ENV NAME="value"}). */
    public static String dockerfileValue(String name) throws IOException {
        Matcher env = Pattern.compile("(?m)^ENV " + name + "=\"?([^\"\\n]*)\"?$").matcher(Files.readString(DOCKERFILE));
        if (!env.find()) {
            throw new IllegalStateException("The Dockerfile sets no " + name);
        }
        return env.group(1).trim();
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void run(Map<String, String> environment, String... command) throws IOException {
        Path log = TARGET.resolve("docker-layout").resolve("build.log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        Process process = builder.start();
        try {
            if (!process.waitFor(3, TimeUnit.MINUTES) || process.exitValue() != 0) {
                process.destroyForcibly();
                throw new IllegalStateException("Failed: " + String.join(" ", command) + "; see " + log);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }
}
