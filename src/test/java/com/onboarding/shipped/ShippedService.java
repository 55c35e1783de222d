package com.onboarding.shipped;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onboarding.support.AppNode;
import com.onboarding.support.Artifact;
import com.onboarding.support.Http;
import com.onboarding.support.ServiceBed;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * What users run, proven: one {@link Artifact} started on a PostgreSQL database of its own, with mail to an SMTP
 * server on loopback and no setting of the tests' beyond where those are. First what it deployed (every model and
 * form of bpmn/ and forms/, each under its own name and with the bytes of the repository's file), then every
 * Tasklist form in English and in German ({@link TasklistWalk}). Runs in {@code mvn verify} against PostgreSQL
 * (ONBOARDING_TEST_DB=postgres), as in CI.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
abstract class ShippedService {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern PROCESS_ID = Pattern.compile("<bpmn:process id=\"([^\"]+)\"");

    private ServiceBed bed;
    private AppNode node;

    /** What this class starts. */
    abstract Artifact artifact();

    /** A short name for logs and screenshots. */
    abstract String name();

    @BeforeAll
    void start() throws Exception {
        Assumptions.assumeTrue("postgres".equalsIgnoreCase(System.getenv("ONBOARDING_TEST_DB")),
                "the packaged service is tested against PostgreSQL (ONBOARDING_TEST_DB=postgres)");
        bed = ServiceBed.open();
        node = bed.start(name(), artifact(), List.of());
    }

    @AfterAll
    void stop() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    /**
     * One deployment on a fresh database, holding every file of bpmn/ and forms/ under its path there, with the
     * file's bytes (so each form has its id, forms/de/x.form the id x-de); every process of the models is deployed.
     */
    @Test
    @Order(1)
    void deploysEveryModelAndFormUnderItsOwnName() throws IOException {
        Http admin = Http.basic(node.port, AppNode.ADMIN, AppNode.ADMIN_PASSWORD);
        JsonNode deployments = json(admin.get("/engine-rest/deployment"));
        assertThat(deployments).as("deployments on a fresh database").hasSize(1);
        String deployment = deployments.get(0).get("id").asText();

        Map<String, String> deployed = new TreeMap<>();
        for (JsonNode resource : json(admin.get("/engine-rest/deployment/" + deployment + "/resources"))) {
            deployed.put(resource.get("name").asText(), resource.get("id").asText());
        }
        Map<String, Path> expected = sources();
        assertThat(deployed.keySet()).as("deployed resources, " + artifact().description())
                .containsExactlyElementsOf(expected.keySet());
        for (Map.Entry<String, Path> source : expected.entrySet()) {
            String data = admin.get("/engine-rest/deployment/" + deployment + "/resources/"
                    + deployed.get(source.getKey()) + "/data").body();
            assertThat(data).as(source.getKey()).isEqualTo(Files.readString(source.getValue()));
            if (source.getKey().endsWith(".form")) {
                String file = source.getValue().getFileName().toString().replace(".form", "");
                String id = source.getKey().startsWith("forms/de/") ? file + "-de" : file;
                assertThat(JSON.readTree(data).get("id").asText()).as("the id of " + source.getKey()).isEqualTo(id);
            }
        }

        TreeSet<String> processes = new TreeSet<>();
        for (Path model : expected.values().stream().filter(p -> p.toString().endsWith(".bpmn")).toList()) {
            Matcher process = PROCESS_ID.matcher(Files.readString(model));
            while (process.find()) {
                processes.add(process.group(1));
            }
        }
        TreeSet<String> definitions = new TreeSet<>();
        json(admin.get("/engine-rest/process-definition?latestVersion=true"))
                .forEach(definition -> definitions.add(definition.get("key").asText()));
        assertThat(definitions).containsExactlyElementsOf(processes);
    }

    @Test
    @Order(2)
    void everyTasklistFormInEnglish() {
        new TasklistWalk(node, bed.mail, Texts.ENGLISH, "shipped-" + name()).run();
    }

    @Test
    @Order(3)
    void everyTasklistFormInGerman() {
        new TasklistWalk(node, bed.mail, Texts.GERMAN, "shipped-" + name()).run();
    }

    /**
     * Every model and form under bpmn/ and forms/ by its path in the repository, which is its path on the classpath
     * (migration mappings beside the models are read by the service, not deployed).
     */
    private static Map<String, Path> sources() throws IOException {
        try (Stream<Path> files = Stream.concat(Files.walk(Path.of("bpmn")), Files.walk(Path.of("forms")))) {
            return files.filter(path -> path.toString().endsWith(".bpmn") || path.toString().endsWith(".form"))
                    .collect(Collectors.toMap(
                    path -> path.toString().replace('\\', '/'), path -> path, (a, b) -> a, TreeMap::new));
        }
    }

    private static JsonNode json(Http.Response response) throws IOException {
        assertThat(response.status()).as(response.body()).isEqualTo(200);
        return JSON.readTree(response.body());
    }
}
