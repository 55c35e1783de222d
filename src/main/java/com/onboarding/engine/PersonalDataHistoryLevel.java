package com.onboarding.engine;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Full history, except for personal data: the variables declared personal (ProcessVariable.personal, e.g. the
 * fields of the Tasklist invitation form) never reach the history tables, and neither do form-field details. Their
 * runtime copies disappear when the short Tasklist process ends, so the engine keeps no personal data beyond ids.
 * Deleting a user then only has to clean the application tables and the user's invitation processes.
 */
public class PersonalDataHistoryLevel implements HistoryLevel {

    public static final String NAME = "full-without-personal-data";

    private static final Set<HistoryEventType> VARIABLE_EVENTS = Set.of(
            HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
            HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
            HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

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
        if (eventType == HistoryEventTypes.FORM_PROPERTY_UPDATE) {
            return false;
        }
        if (VARIABLE_EVENTS.contains(eventType) && entity instanceof VariableInstance variable) {
            return !personalVariables.contains(variable.getName());
        }
        return HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }
}
