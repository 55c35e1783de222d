package com.onboarding.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.Resource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.stereotype.Component;

/**
 * At start-up, after the models are deployed and the running instances moved to the latest versions
 * ({@link ProcessVersionsAtStart}): the latest version of every process, and every older one whose instances could not
 * be moved, must find in this code what it needs ({@link ModelBindings}: its delegates and beans, variables, forms
 * of its own deployment, messages), or the start stops with sentences naming each missing piece, instead of an
 * invitation failing weeks later when it reaches the step. onboarding.model-guard.enabled=false turns it off.
 */
@Component
class ModelGuard {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ModelGuard.class);

    /** The suffixes of a form's language versions (forms/de/x.form has the id x-de); see language.TasklistForms. */
    static final List<String> FORM_SUFFIXES = List.of("", "-de");

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ApplicationContext context;
    private final List<ProcessVariables> processes;
    private final ObjectMapper json;
    private final boolean enabled;

    ModelGuard(RepositoryService repository, RuntimeService runtime, ApplicationContext context,
            List<ProcessVariables> processes, ObjectMapper json,
            @Value("${onboarding.model-guard.enabled:true}") boolean enabled) {
        this.repository = repository;
        this.runtime = runtime;
        this.context = context;
        this.processes = processes;
        this.json = json;
        this.enabled = enabled;
    }

    /**
     * Checks the deployed versions; {@code refuseOlder}: also refuse older versions whose running instances could
     * not be moved to the latest one (when the start migrates; otherwise they are named in the log only).
     */
    void check(boolean refuseOlder) {
        if (!enabled) {
            return;
        }
        List<String> problems = new ArrayList<>();
        List<String> olderProblems = new ArrayList<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().list()) {
            boolean latest = definition.getVersion() == repository.createProcessDefinitionQuery()
                    .processDefinitionKey(definition.getKey()).latestVersion().singleResult().getVersion();
            if (!latest && runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count() == 0) {
                continue; // an old version nothing runs on any more
            }
            String xml = text(repository.getProcessModel(definition.getId()));
            ModelBindings.unresolved(xml, code(formsOf(definition.getDeploymentId())))
                    .forEach(problem -> (latest ? problems : olderProblems).add(definition.getKey() + " version "
                            + definition.getVersion() + ": " + problem));
        }
        if (refuseOlder) {
            problems.addAll(olderProblems);
        } else {
            olderProblems.forEach(problem -> LOG.warn("A running process version needs what this code no longer "
                    + "has: {}", problem));
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Deployed process versions need what this code does not have (a running "
                    + "version's instances stay on it when the latest version cannot take them: map their activities "
                    + "in bpmn/<key>.migration.json, or keep the code they need):\n  " + String.join("\n  ", problems));
        }
    }

    /** What this code offers a model whose forms are these. */
    ModelBindings.Code code(Set<String> forms) {
        Set<String> variables = processes.stream().flatMap(process -> process.declared().stream())
                .map(ProcessVariable::name).collect(Collectors.toSet());
        Set<String> messages = processes.stream().flatMap(process -> process.messages().stream())
                .collect(Collectors.toSet());
        return new ModelBindings.Code(name -> context.containsBean(name) ? context.getType(name) : null, variables,
                messages, forms, FORM_SUFFIXES);
    }

    /** The ids of the Camunda Forms deployed with a model (its formRefs are bound to its own deployment). */
    private Set<String> formsOf(String deploymentId) {
        Set<String> ids = new HashSet<>();
        for (Resource resource : repository.getDeploymentResources(deploymentId)) {
            if (resource.getName().endsWith(".form")) {
                try (InputStream form = repository.getResourceAsStreamById(deploymentId, resource.getId())) {
                    JsonNode id = json.readTree(form).get("id");
                    if (id != null) {
                        ids.add(id.asText());
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return ids;
    }

    private static String text(InputStream model) {
        try (model) {
            return new String(model.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
