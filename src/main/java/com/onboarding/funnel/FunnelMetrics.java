package com.onboarding.funnel;

import com.onboarding.approval.ApprovalProcess;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditEventRepository.ActionCount;
import com.onboarding.audit.AuditEventRepository;
import com.onboarding.admin.selection.process.UserSelectionProcess;
import com.onboarding.bulk.BulkInvitationProcess;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationRepository;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.newlink.NewLinkRequestProcess;
import com.onboarding.privileges.PrivilegeChangeProcess;
import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Supplier;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.TaskQuery;
import org.springframework.stereotype.Component;

/**
 * The onboarding funnel as Micrometer metrics, served at /actuator/prometheus. The counters come from the audit
 * log, which keeps every invitation event (entries are anonymised, never deleted): exact across restarts and
 * instances; so is the time to accept ({@link TimeToAcceptHistogram}). The gauges count what waits now.
 */
@Component
class FunnelMetrics implements MeterBinder {

    /** The audit actions counted as funnel events, by the tag value they get. */
    static final Map<String, AuditAction> EVENTS = Map.of(
            "sent", AuditAction.INVITATION_SENT,
            "resent", AuditAction.INVITATION_RESENT,
            "reminded", AuditAction.INVITATION_REMINDED,
            "accepted", AuditAction.INVITATION_ACCEPTED,
            "expired", AuditAction.INVITATION_EXPIRED,
            "cancelled", AuditAction.INVITATION_CANCELLED,
            "rejected", AuditAction.INVITATION_REJECTED,
            "lapsed", AuditAction.INVITATION_LAPSED,
            "new_link_requested", AuditAction.NEW_LINK_REQUESTED);

    /** A scrape reads every counter; one grouped query serves them all for this long. */
    private static final Duration COUNTS_CACHE = Duration.ofSeconds(5);

    private final AuditEventRepository audit;
    private final InvitationRepository invitations;
    private final RuntimeService runtime;
    private final TaskService tasks;
    private final Clock clock;
    private volatile Map<AuditAction, Long> counts = Map.of();
    private volatile Instant countedAt = Instant.EPOCH;

    FunnelMetrics(AuditEventRepository audit, InvitationRepository invitations, RuntimeService runtime,
            TaskService tasks, Clock clock) {
        this.audit = audit;
        this.invitations = invitations;
        this.runtime = runtime;
        this.tasks = tasks;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        EVENTS.forEach((event, action) -> FunctionCounter.builder("onboarding.invitations", this, m -> m.count(action))
                .tag("event", event).description("Invitation events since the service began (from the audit log)")
                .register(registry));
        Gauge.builder("onboarding.invitations.awaiting.approval", invitations,
                        repository -> repository.countByStatus(InvitationStatus.AWAITING_APPROVAL))
                .description("Invitations waiting for a second global admin's approval").register(registry);
        Gauge.builder("onboarding.incidents.open", runtime, engine -> engine.createIncidentQuery()
                        .processDefinitionKeyIn(InvitationProcess.KEY, NewLinkRequestProcess.KEY,
                                PrivilegeChangeProcess.KEY, ApprovalProcess.KEY, BulkInvitationProcess.KEY,
                                UserSelectionProcess.KEY).count())
                .description("Open incidents (failed steps after their retries) of the onboarding processes")
                .register(registry);
        Map<String, Supplier<TaskQuery>> openTasks = Map.of(
                "follow_up", () -> tasks.createTaskQuery().taskDefinitionKey(InvitationProcess.TASK_FOLLOW_UP),
                "approval", () -> approvalsOf(InvitationProcess.BUSINESS_KEY.prefix()),
                "new_link", () -> tasks.createTaskQuery().taskDefinitionKey(NewLinkRequestProcess.TASK_ANSWER),
                "privilege_change", () -> approvalsOf(PrivilegeChangeProcess.BUSINESS_KEY.prefix()));
        openTasks.forEach((tag, query) -> Gauge.builder("onboarding.tasks.open", tasks, service -> query.get().count())
                .tag("task", tag).description("Open Tasklist tasks of the onboarding processes").register(registry));
    }

    /** The four-eyes approvals of one calling process: the approval instance carries its caller's business key. */
    private TaskQuery approvalsOf(String businessKeyPrefix) {
        return tasks.createTaskQuery().taskDefinitionKey(ApprovalProcess.TASK_APPROVE)
                .processInstanceBusinessKeyLike(businessKeyPrefix + "%");
    }

    private double count(AuditAction action) {
        Instant now = clock.instant();
        if (now.isAfter(countedAt.plus(COUNTS_CACHE)) || now.isBefore(countedAt)) { // or the clock went back
            Map<AuditAction, Long> fresh = new EnumMap<>(AuditAction.class);
            for (ActionCount count : audit.countByAction()) {
                fresh.put(count.getAction(), count.getTimes());
            }
            counts = fresh;
            countedAt = now;
        }
        return counts.getOrDefault(action, 0L);
    }
}
