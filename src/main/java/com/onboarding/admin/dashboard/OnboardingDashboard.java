package com.onboarding.admin.dashboard;

import com.onboarding.OnboardingProperties;
import com.onboarding.Texts;
import com.onboarding.engine.ElementIds;
import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.newlink.NewLinkRequestProcess;
import com.onboarding.privileges.PrivilegeChangeProcess;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.ScopeQueries;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Tuple;
import jakarta.persistence.criteria.CriteriaBuilder;
import jakarta.persistence.criteria.CriteriaQuery;
import jakarta.persistence.criteria.Join;
import jakarta.persistence.criteria.Root;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.VariableInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The "Onboarding" page: for the admin's clients, invitations and acceptances of the last {@value #DAYS} days, the
 * acceptance rate, the median time to accept, the open tasks and the invitations stuck in an incident.
 */
@Service
public class OnboardingDashboard {

    static final int DAYS = 30;
    private static final String[] PROCESSES = {InvitationProcess.KEY, NewLinkRequestProcess.KEY,
            PrivilegeChangeProcess.KEY};

    /** An open Tasklist task about one of the admin's users (their email and id, for their page). */
    public record OpenTask(String id, String name, String user, long userId, Date due) {
    }

    /** A process instance stuck in an incident (a step failed after its retries). */
    public record Stuck(String processInstanceId, String user, long userId, String activity, String message) {
    }

    /** Everything the page shows. */
    public record Figures(List<FunnelDay> days, BarChart chart, long invited, long acceptedOfInvited,
            Integer acceptanceRatePercent, Duration medianTimeToAccept, List<OpenTask> openTasks, List<Stuck> stuck) {
    }

    private final EntityManager entities;
    private final UserAccountRepository users;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final OnboardingProperties properties;
    private final Clock clock;
    private final Texts texts;

    OnboardingDashboard(EntityManager entities, UserAccountRepository users, TaskService tasks, RuntimeService runtime,
            OnboardingProperties properties, Clock clock, Texts texts) {
        this.entities = entities;
        this.users = users;
        this.tasks = tasks;
        this.runtime = runtime;
        this.properties = properties;
        this.clock = clock;
        this.texts = texts;
    }

    @Transactional(readOnly = true)
    public Figures figures(AdminScope scope) {
        ZoneId zone = properties.timeZone();
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = today.minusDays(DAYS - 1);
        Instant from = first.atStartOfDay(zone).toInstant();

        Map<LocalDate, long[]> perDay = new HashMap<>();
        long invited = 0;
        long acceptedOfInvited = 0;
        List<Duration> timesToAccept = new ArrayList<>();
        for (Tuple row : invitationsSince(from, scope)) {
            Instant createdAt = row.get(0, Instant.class);
            Instant closedAt = row.get(1, Instant.class);
            InvitationStatus status = row.get(2, InvitationStatus.class);
            boolean accepted = status == InvitationStatus.ACCEPTED;
            // Sent: not one that waits for its approval or was rejected (no mail went out).
            if (!createdAt.isBefore(from) && status != InvitationStatus.AWAITING_APPROVAL
                    && status != InvitationStatus.REJECTED) {
                invited++;
                perDay.computeIfAbsent(LocalDate.ofInstant(createdAt, zone), d -> new long[2])[0]++;
                if (accepted) {
                    acceptedOfInvited++;
                }
            }
            if (accepted && closedAt != null && !closedAt.isBefore(from)) {
                perDay.computeIfAbsent(LocalDate.ofInstant(closedAt, zone), d -> new long[2])[1]++;
                timesToAccept.add(Duration.between(createdAt, closedAt));
            }
        }
        List<FunnelDay> days = new ArrayList<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            long[] counts = perDay.getOrDefault(day, new long[2]);
            days.add(new FunnelDay(day, counts[0], counts[1]));
        }
        Map<String, Long> userOfInstance = usersOfInstances(openTasksAndIncidentInstances());
        Map<Long, UserAccount> visible = visibleUsers(userOfInstance.values(), scope);
        return new Figures(days, BarChart.of(days), invited, acceptedOfInvited,
                invited == 0 ? null : (int) Math.round(100.0 * acceptedOfInvited / invited),
                median(timesToAccept), openTasks(userOfInstance, visible), stuck(userOfInstance, visible));
    }

    /** createdAt, closedAt, status of the invitations sent or accepted since {@code from}, of users in scope. */
    private List<Tuple> invitationsSince(Instant from, AdminScope scope) {
        CriteriaBuilder cb = entities.getCriteriaBuilder();
        CriteriaQuery<Tuple> query = cb.createTupleQuery();
        Root<Invitation> invitation = query.from(Invitation.class);
        Join<Invitation, UserAccount> user = invitation.join("user");
        query.multiselect(invitation.get("createdAt"), invitation.get("closedAt"), invitation.get("status"))
                .where(cb.or(cb.greaterThanOrEqualTo(invitation.get("createdAt"), from),
                                cb.and(cb.equal(invitation.get("status"), InvitationStatus.ACCEPTED),
                                        cb.greaterThanOrEqualTo(invitation.get("closedAt"), from))),
                        ScopeQueries.covers(scope, user, query, cb));
        return entities.createQuery(query).getResultList();
    }

    private List<Task> openTasks() {
        return tasks.createTaskQuery().processDefinitionKeyIn(PROCESSES).orderByTaskCreateTime().asc().list();
    }

    private List<Incident> incidents() {
        return runtime.createIncidentQuery().processDefinitionKeyIn(PROCESSES).list();
    }

    private Set<String> openTasksAndIncidentInstances() {
        Set<String> instances = openTasks().stream().map(Task::getProcessInstanceId).collect(Collectors.toSet());
        incidents().forEach(incident -> instances.add(incident.getProcessInstanceId()));
        return instances;
    }

    /** Every onboarding process names its user in the variable userLink (/users/{id}). */
    private Map<String, Long> usersOfInstances(Collection<String> instanceIds) {
        if (instanceIds.isEmpty()) {
            return Map.of();
        }
        Map<String, Long> result = new HashMap<>();
        for (VariableInstance variable : runtime.createVariableInstanceQuery()
                .variableName(InvitationProcess.USER_LINK.name())
                .processInstanceIdIn(instanceIds.toArray(String[]::new)).list()) {
            UserAccount.fromAdminPath(String.valueOf(variable.getValue()))
                    .ifPresent(userId -> result.put(variable.getProcessInstanceId(), userId));
        }
        return result;
    }

    private Map<Long, UserAccount> visibleUsers(Collection<Long> userIds, AdminScope scope) {
        return users.findAllById(Set.copyOf(userIds)).stream().filter(scope::coversUser)
                .collect(Collectors.toMap(UserAccount::getId, Function.identity()));
    }

    private List<OpenTask> openTasks(Map<String, Long> userOfInstance, Map<Long, UserAccount> visible) {
        return openTasks().stream()
                .filter(task -> visible.containsKey(userOfInstance.get(task.getProcessInstanceId())))
                .map(task -> {
                    UserAccount user = visible.get(userOfInstance.get(task.getProcessInstanceId()));
                    // In the reader's language; the engine's name is one language for everyone.
                    String name = texts.orElse("task." + ElementIds.withoutKind(task.getTaskDefinitionKey()), task.getName(),
                            user.getFullName());
                    return new OpenTask(task.getId(), name, user.getEmail(), user.getId(), task.getDueDate());
                })
                .toList();
    }

    private List<Stuck> stuck(Map<String, Long> userOfInstance, Map<Long, UserAccount> visible) {
        return incidents().stream()
                .filter(incident -> visible.containsKey(userOfInstance.get(incident.getProcessInstanceId())))
                .map(incident -> new Stuck(incident.getProcessInstanceId(),
                        visible.get(userOfInstance.get(incident.getProcessInstanceId())).getEmail(),
                        userOfInstance.get(incident.getProcessInstanceId()),
                        texts.orElse("step." + ElementIds.withoutKind(incident.getActivityId()), incident.getActivityId()),
                        incident.getIncidentMessage()))
                .toList();
    }

    static Duration median(List<Duration> durations) {
        if (durations.isEmpty()) {
            return null;
        }
        List<Duration> sorted = durations.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle)
                : sorted.get(middle - 1).plus(sorted.get(middle)).dividedBy(2);
    }
}
