package com.onboarding.engine;

import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable named once and typed, so that no variable name is a string literal scattered around
 * (after holunda-io/camunda-bpm-data). A personal one carries personal data: it may exist at runtime for a moment,
 * and never reaches the engine's history (PersonalDataHistoryLevel).
 */
public record ProcessVariable<T>(String name, Class<T> type, boolean personal) {

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type, false);
    }

    public static <T> ProcessVariable<T> personal(String name, Class<T> type) {
        return new ProcessVariable<>(name, type, true);
    }

    public T get(VariableScope scope) {
        Object value = scope.getVariable(name);
        if (value == null) {
            throw new IllegalStateException("Process variable '" + name + "' is missing");
        }
        return type.cast(value);
    }

    public T getOrNull(VariableScope scope) {
        return type.cast(scope.getVariable(name));
    }

    public void set(VariableScope scope, T value) {
        scope.setVariable(name, value);
    }
}
