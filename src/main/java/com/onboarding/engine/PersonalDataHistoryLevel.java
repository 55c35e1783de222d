package com.onboarding.engine;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Full history, except for personal data and routine bookkeeping.
 * <ul>
 * <li>The variables declared personal (ProcessVariable.personal, e.g. the fields of the Tasklist invitation form)
 * never reach the history tables, and neither do form-field details. Their runtime copies disappear when the short
 * Tasklist process ends, so the engine keeps no personal data beyond ids. Deleting a user then only has to clean
 * the application tables and the user's invitation processes.</li>
 * <li>The job log keeps the jobs that failed: each failure, and how the job ended (success or deletion). A job that
 * ran at the first attempt leaves nothing there; its activity instance shows when it ran.</li>
 * <li>A variable's history is its last value (ACT_HI_VARINST), without a detail row per change (ACT_HI_DETAIL):
 * the variables are ids, flags and dates that the application's own audit log explains.</li>
 * <li>Together these were 8 of the 42 rows the engine inserted per invitation (its three jobs' creation and the
 * mail job's success; a detail row per variable).</li>
 * <li>Gateways and plain start events (no trigger) leave no activity instance: they decide or begin in no time, the
 * path taken shows in the activities after them, and the process instance's history names where it started. They
 * were 7 of the 12 activity instances an invitation wrote up to its mail, each inserted and updated once.</li>
 * </ul>
 * Activities, events with a trigger (messages, timers), end events, process, task, incident, identity-link and
 * user-operation history stay complete: Cockpit, Camunda BPM Assert and the history cleanup read those.
 */
public class PersonalDataHistoryLevel implements HistoryLevel {

    public static final String NAME = "full-without-personal-data";

    private static final Set<HistoryEventType> VARIABLE_EVENTS = Set.of(
            HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
            HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
            HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

    /** How a job ends: logged only when it had failed before. */
    private static final Set<HistoryEventType> ACTIVITY_EVENTS = Set.of(
            HistoryEventTypes.ACTIVITY_INSTANCE_START,
            HistoryEventTypes.ACTIVITY_INSTANCE_UPDATE,
            HistoryEventTypes.ACTIVITY_INSTANCE_END);

    /** Activity types (the engine's names) that pass in no time and tell nothing the next activity does not. */
    private static final Set<String> PASSING = Set.of("exclusiveGateway", "parallelGateway", "inclusiveGateway",
            "eventBasedGateway", "startEvent");

    private static final Set<HistoryEventType> JOB_ENDINGS = Set.of(
            HistoryEventTypes.JOB_SUCCESS,
            HistoryEventTypes.JOB_DELETE);

    private final Set<String> personalVariables;

    public PersonalDataHistoryLevel(Set<String> personalVariables) {
        this.personalVariables = Set.copyOf(personalVariables);
    }

    /** The names of the variables that never reach history. */
    public Set<String> personalVariables() {
        return personalVariables;
    }

    @Override
    public int getId() {
        return 31;
    }

    @Override
    public String getName() {
        return NAME;
    }

    @Override
    public boolean isHistoryEventProduced(HistoryEventType eventType, Object entity) {
        if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE
                || eventType == HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL
                || eventType == HistoryEventTypes.JOB_CREATE) {
            return false;
        }
        if (ACTIVITY_EVENTS.contains(eventType) && entity instanceof ExecutionEntity execution
                && execution.getActivity() != null
                && PASSING.contains(String.valueOf(execution.getActivity().getProperty("type")))) {
            return false;
        }
        if (JOB_ENDINGS.contains(eventType) && entity instanceof Job job) {
            return job.getExceptionMessage() != null;
        }
        if (VARIABLE_EVENTS.contains(eventType) && entity instanceof VariableInstance variable) {
            return !personalVariables.contains(variable.getName());
        }
        return HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }
}
