package com.onboarding.engine;

import java.util.Set;
import org.camunda.bpm.engine.impl.history.HistoryLevel;
import org.camunda.bpm.engine.impl.history.event.HistoryEventType;
import org.camunda.bpm.engine.impl.history.event.HistoryEventTypes;
import org.camunda.bpm.engine.runtime.VariableInstance;

/**
 * Full history, except for personal data: variables named in {@link #PERSONAL_VARIABLES} (the fields of the
 * Tasklist invitation form) never reach the history tables, and neither do form-field details. The runtime copies
 * of those variables disappear when the short Tasklist process ends, so the engine keeps no personal data
 * beyond ids. Deleting a user then only has to clean the application tables.
 */
public class PersonalDataHistoryLevel implements HistoryLevel {

    public static final String NAME = "full-without-personal-data";

    /** Variable names that carry personal data; they may exist at runtime for a moment, never in history. */
    public static final Set<String> PERSONAL_VARIABLES =
            Set.of("email", "firstName", "lastName", "personalText");

    private static final Set<HistoryEventType> VARIABLE_EVENTS = Set.of(
            HistoryEventTypes.VARIABLE_INSTANCE_CREATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE,
            HistoryEventTypes.VARIABLE_INSTANCE_UPDATE_DETAIL,
            HistoryEventTypes.VARIABLE_INSTANCE_MIGRATE,
            HistoryEventTypes.VARIABLE_INSTANCE_DELETE);

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
            return !PERSONAL_VARIABLES.contains(variable.getName());
        }
        return HistoryLevel.HISTORY_LEVEL_FULL.isHistoryEventProduced(eventType, entity);
    }
}
