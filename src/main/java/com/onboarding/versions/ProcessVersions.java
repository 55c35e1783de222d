package com.onboarding.versions;

import com.onboarding.ConflictException;
import com.onboarding.NotFoundException;
import com.onboarding.Texts;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.engine.InstanceMigration;
import com.onboarding.security.Roles;
import com.onboarding.scopes.AdminScope;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.batch.Batch;
import org.camunda.bpm.engine.batch.BatchStatistics;
import org.camunda.bpm.engine.management.ActivityStatistics;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * "Process versions", for global admins and process owners: per process and version, the running instances and
 * where they wait, and the move of one version's instances to the latest version as a Camunda batch (the free
 * edition has no migration screen in Cockpit), audited with who asked.
 */
@Service
public class ProcessVersions {

    /** Where instances of a version wait: an activity, how many wait there, how many of them in an incident. */
    public record WaitState(String activity, long instances, long incidents) {
    }

    /** One deployed version of a process. */
    public record Version(String definitionId, String key, String name, int version, boolean latest, long instances,
            List<WaitState> waits) {
    }

    /** A move in progress: how many of its jobs are done. */
    public record Move(String batchId, long done, long total, long failed) {
    }

    /** The screen: every version worth showing, and the moves in progress. */
    public record Overview(List<Version> versions, List<Move> moves) {
    }

    private final RepositoryService repository;
    private final RuntimeService runtime;
    private final ManagementService management;
    private final InstanceMigration migration;
    private final AuditLog audit;
    private final IdentityService identity;
    private final Texts text;

    ProcessVersions(RepositoryService repository, RuntimeService runtime, ManagementService management,
            InstanceMigration migration, AuditLog audit, IdentityService identity, Texts text) {
        this.repository = repository;
        this.runtime = runtime;
        this.management = management;
        this.migration = migration;
        this.audit = audit;
        this.identity = identity;
        this.text = text;
    }

    /** What the screen shows, for global admins and process owners only. */
    public Overview overview(String adminId) {
        requireAllowed(adminId);
        return new Overview(versions(), moves());
    }

    /** Global admins (camunda-admin) and process owners see the versions and move instances; nobody else. */
    private void requireAllowed(String adminId) {
        boolean allowed = adminId != null && identity.createGroupQuery().groupMember(adminId)
                .groupIdIn(AdminScope.GLOBAL_GROUP, Roles.PROCESS_OWNERS).count() > 0;
        if (!allowed) {
            throw new AccessDeniedException("Only global administrators and process owners see process versions.");
        }
    }

    /** Every process: its latest version, and each older one that still has running instances; newest first. */
    private List<Version> versions() {
        List<Version> versions = new ArrayList<>();
        for (ProcessDefinition definition : repository.createProcessDefinitionQuery().orderByProcessDefinitionKey()
                .asc().orderByProcessDefinitionVersion().desc().list()) {
            boolean latest = definition.getVersion() == repository.createProcessDefinitionQuery()
                    .processDefinitionKey(definition.getKey()).latestVersion().singleResult().getVersion();
            long instances = runtime.createProcessInstanceQuery().processDefinitionId(definition.getId()).count();
            if (!latest && instances == 0) {
                continue;
            }
            var model = repository.getBpmnModelInstance(definition.getId());
            List<WaitState> waits = management.createActivityStatisticsQuery(definition.getId()).includeIncidents()
                    .list().stream().sorted(Comparator.comparing(ActivityStatistics::getId))
                    .map(statistics -> new WaitState(name(model.getModelElementById(statistics.getId()), statistics.getId()),
                            statistics.getInstances(), statistics.getIncidentStatistics().stream()
                                    .mapToLong(incident -> incident.getIncidentCount()).sum()))
                    .toList();
            versions.add(new Version(definition.getId(), definition.getKey(),
                    definition.getName() == null ? definition.getKey() : definition.getName(), definition.getVersion(),
                    latest, instances, waits));
        }
        return versions;
    }

    /** Moves in progress, with how far each has come. */
    private List<Move> moves() {
        return management.createBatchStatisticsQuery().type(Batch.TYPE_PROCESS_INSTANCE_MIGRATION).list().stream()
                .map(batch -> new Move(batch.getId(), batch.getCompletedJobs(), batch.getTotalJobs(),
                        batch.getFailedJobs()))
                .toList();
    }

    /**
     * Moves a version's running instances to the latest version of its process, in the background; for global
     * admins and process owners only.
     */
    public Move moveToLatest(String definitionId, String actor) {
        requireAllowed(actor);
        ProcessDefinition definition = repository.createProcessDefinitionQuery().processDefinitionId(definitionId)
                .singleResult();
        if (definition == null) {
            throw new NotFoundException("ProcessVersion", definitionId);
        }
        ProcessDefinition latest = repository.createProcessDefinitionQuery().processDefinitionKey(definition.getKey())
                .latestVersion().singleResult();
        long instances = runtime.createProcessInstanceQuery().processDefinitionId(definitionId).count();
        if (latest.getId().equals(definitionId)) {
            throw new ConflictException(text.of("versions.alreadyLatest", definition.getVersion()));
        }
        if (instances == 0) {
            throw new ConflictException(text.of("versions.nothingRunning", definition.getVersion()));
        }
        Batch batch = migration.migrateToLatestInBackground(definition);
        audit.record(actor, AuditAction.PROCESS_INSTANCES_MIGRATED, null, definition.getKey() + " version "
                + definition.getVersion() + ": " + instances + " instance(s) to the latest version, batch " + batch.getId());
        BatchStatistics statistics = management.createBatchStatisticsQuery().batchId(batch.getId()).singleResult();
        return new Move(batch.getId(), statistics.getCompletedJobs(), statistics.getTotalJobs(),
                statistics.getFailedJobs());
    }

    private static String name(Object element, String id) {
        return element instanceof FlowElement flowElement && flowElement.getName() != null ? flowElement.getName() : id;
    }
}
