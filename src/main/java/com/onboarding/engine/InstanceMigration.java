package com.onboarding.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.migration.MigratingProcessInstanceValidationException;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;

/**
 * Moves the running instances of older versions of a process to its latest version, with Camunda's migration API
 * (the free edition's half of what Cockpit's Enterprise migration screen does). The plan maps every activity that
 * has the same id in both versions (timers keep their due dates; messages keep their names, which the code
 * declares), plus the renamed or removed activities a developer declares next to the model:
 * {@code bpmn/<process key>.migration.json}, {@code {"mappings": {"OldId": "NewId"}}}, reviewed like code. An
 * instance the plan cannot carry (it waits in an activity the new version lacks and no mapping names) stays on its
 * version and is reported with the engine's reason. Listeners and input mappings of the new version do not run
 * during the move: nothing is mailed or done twice.
 */
@Component
public class InstanceMigration {

    /** What became of one older version's instances. */
    public record Outcome(String processKey, int fromVersion, int toVersion, int migrated, Map<String, String> stayed) {
    }

    private static final Logger LOG = LoggerFactory.getLogger(InstanceMigration.class);
    /** Instances moved in one transaction; a chunk that fails moves instance by instance to find the one. */
    private static final int CHUNK = 100;

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ObjectMapper json;

    InstanceMigration(RepositoryService repository, RuntimeService runtime, ObjectMapper json) {
        this.repository = repository;
        this.runtime = runtime;
        this.json = json;
    }

    /** Every process's older versions with running instances, each to the latest version of its process. */
    public List<Outcome> migrateAllToLatest() {
        List<Outcome> outcomes = new ArrayList<>();
        Map<String, Map<String, String>> mappings = declaredMappings();
        for (ProcessDefinition latest : repository.createProcessDefinitionQuery().latestVersion().list()) {
            for (ProcessDefinition older : repository.createProcessDefinitionQuery()
                    .processDefinitionKey(latest.getKey()).orderByProcessDefinitionVersion().asc().list()) {
                if (older.getVersion() < latest.getVersion()
                        && runtime.createProcessInstanceQuery().processDefinitionId(older.getId()).count() > 0) {
                    outcomes.add(migrate(older, latest, mappings.getOrDefault(latest.getKey(), Map.of())));
                }
            }
        }
        return outcomes;
    }

    /** One version's instances to another version, with these activity mappings beside the equal ids. */
    public Outcome migrate(ProcessDefinition from, ProcessDefinition to, Map<String, String> mappings) {
        Map<String, String> stayed = new LinkedHashMap<>();
        List<String> instances = runtime.createProcessInstanceQuery().processDefinitionId(from.getId()).list().stream()
                .map(ProcessInstance::getId).toList();
        MigrationPlan plan;
        try {
            plan = plan(from, to, mappings);
        } catch (ProcessEngineException e) {
            instances.forEach(id -> stayed.put(id, e.getMessage()));
            return report(new Outcome(from.getKey(), from.getVersion(), to.getVersion(), 0, stayed));
        }
        int migrated = 0;
        for (int start = 0; start < instances.size(); start += CHUNK) {
            List<String> chunk = instances.subList(start, Math.min(instances.size(), start + CHUNK));
            try {
                execute(plan, chunk);
                migrated += chunk.size();
            } catch (ProcessEngineException chunkFailed) {
                for (String instance : chunk) {
                    try {
                        execute(plan, List.of(instance));
                        migrated++;
                    } catch (MigratingProcessInstanceValidationException e) {
                        stayed.put(instance, String.join("; ", e.getValidationReport().getFailures().isEmpty()
                                ? List.of(e.getMessage()) : e.getValidationReport().getFailures()));
                    } catch (ProcessEngineException e) {
                        stayed.put(instance, e.getMessage());
                    }
                }
            }
        }
        return report(new Outcome(from.getKey(), from.getVersion(), to.getVersion(), migrated, stayed));
    }

    /**
     * One version's instances to the latest version of its process, as a Camunda batch running in the background
     * (its progress, and any instance it could not move, show in Cockpit's batches and on Process versions).
     */
    public Batch migrateToLatestInBackground(ProcessDefinition from) {
        ProcessDefinition to = repository.createProcessDefinitionQuery().processDefinitionKey(from.getKey())
                .latestVersion().singleResult();
        MigrationPlan plan = plan(from, to, declaredMappings().getOrDefault(from.getKey(), Map.of()));
        return runtime.newMigration(plan)
                .processInstanceQuery(runtime.createProcessInstanceQuery().processDefinitionId(from.getId()))
                .skipCustomListeners().skipIoMappings().executeAsync();
    }

    /**
     * The plan from one version to another. A declared mapping serves every older version that has its source; one
     * that cannot hold between these two (its boundary event hangs on a scope the other version replaced) is left out
     * as the engine leaves out such equal ids, and an instance waiting there stays, reported.
     */
    private MigrationPlan plan(ProcessDefinition from, ProcessDefinition to, Map<String, String> mappings) {
        BpmnModelInstance fromModel = repository.getBpmnModelInstance(from.getId());
        BpmnModelInstance toModel = repository.getBpmnModelInstance(to.getId());
        Map<String, String> applicable = new LinkedHashMap<>();
        mappings.forEach((source, target) -> {
            if (fromModel.getModelElementById(source) != null && toModel.getModelElementById(target) != null
                    && toModel.getModelElementById(source) == null) {
                applicable.put(source, target);
            }
        });
        while (true) {
            // Event triggers are kept, not updated: an updated timer would be computed again from now (a link's
            // expiry pushed back by the move), while a kept one keeps its due date.
            MigrationPlanBuilder plan = runtime.createMigrationPlan(from.getId(), to.getId()).mapEqualActivities();
            applicable.forEach(plan::mapActivities);
            try {
                return plan.build();
            } catch (MigrationPlanValidationException e) {
                List<String> invalid = e.getValidationReport().getInstructionReports().stream()
                        .map(report -> report.getMigrationInstruction().getSourceActivityId())
                        .filter(applicable::containsKey).toList();
                if (invalid.isEmpty()) {
                    throw e;
                }
                LOG.info("{}: version {} to {}: declared mapping(s) of {} left out: {}", from.getKey(),
                        from.getVersion(), to.getVersion(), invalid, e.getMessage());
                invalid.forEach(applicable::remove);
            }
        }
    }

    private void execute(MigrationPlan plan, List<String> instances) {
        runtime.newMigration(plan).processInstanceIds(instances).skipCustomListeners().skipIoMappings().execute();
    }

    private static Outcome report(Outcome outcome) {
        LOG.info("{}: {} instance(s) of version {} moved to version {}", outcome.processKey(), outcome.migrated(),
                outcome.fromVersion(), outcome.toVersion());
        outcome.stayed().forEach((instance, reason) -> LOG.warn("{}: instance {} stays on version {}: {}",
                outcome.processKey(), instance, outcome.fromVersion(), reason));
        return outcome;
    }

    /** The mappings declared beside the models: bpmn/&lt;process key&gt;.migration.json. */
    Map<String, Map<String, String>> declaredMappings() {
        Map<String, Map<String, String>> byProcess = new HashMap<>();
        try {
            for (Resource file : new PathMatchingResourcePatternResolver().getResources("classpath*:bpmn/*.migration.json")) {
                String key = file.getFilename().replace(".migration.json", "");
                Map<String, String> mappings = new LinkedHashMap<>();
                try (InputStream in = file.getInputStream()) {
                    JsonNode declared = json.readTree(in).path("mappings");
                    declared.fields().forEachRemaining(entry -> mappings.put(entry.getKey(), entry.getValue().asText()));
                }
                byProcess.put(key, mappings);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return byProcess;
    }
}
