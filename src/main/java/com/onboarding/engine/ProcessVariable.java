package com.onboarding.engine;

import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * A process variable named once and typed, so that no variable name is a string literal scattered around
 * (after holunda-io/camunda-bpm-data).
 */
public record ProcessVariable<T>(String name, Class<T> type) {

    public static <T> ProcessVariable<T> of(String name, Class<T> type) {
        return new ProcessVariable<>(name, type);
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

    public Map.Entry<String, Object> entry(T value) {
        return Map.entry(name, value);
    }
}
