package com.onboarding.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;

/** New versions of a model in a test, deployed as a developer's change would be, with the forms of forms/. */
public final class ModelVersions {

    private ModelVersions() {
    }

    /** The model of bpmn/, as the repository has it. */
    public static String model(String file) {
        try {
            return Files.readString(Path.of("bpmn", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A file as a version before this one shipped it, kept in src/test/resources/earlier-versions
     * ("user-invitation.bpmn", "forms/de/approve-invitation.form").
     */
    public static String earlier(String path) {
        try (InputStream in = ModelVersions.class.getResourceAsStream("/earlier-versions/" + path)) {
            if (in == null) {
                throw new IllegalArgumentException("no earlier version of " + path);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A form of forms/, as the repository has it ("de/invite-user.form"). */
    public static String form(String file) {
        try {
            return Files.readString(Path.of("forms", file));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Deploys a version of a model (its tasks' forms are bound to their own deployment); returns it. */
    public static ProcessDefinition deploy(RepositoryService repository, String file, String xml, String key) {
        DeploymentBuilder deployment = repository.createDeployment().name("a test's version").addString("bpmn/" + file, xml);
        try (Stream<Path> forms = Files.walk(Path.of("forms"))) {
            for (Path form : forms.filter(p -> p.toString().endsWith(".form")).toList()) {
                deployment.addString(form.toString().replace('\\', '/'), Files.readString(form));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        deployment.deploy();
        return latest(repository, key);
    }

    public static ProcessDefinition latest(RepositoryService repository, String key) {
        return repository.createProcessDefinitionQuery().processDefinitionKey(key).latestVersion().singleResult();
    }
}
