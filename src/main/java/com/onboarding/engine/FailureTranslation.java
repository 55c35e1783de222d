package com.onboarding.engine;

import java.util.function.BiFunction;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;

/**
 * A command interceptor in front of every engine command that replaces the failure of the outermost command by
 * what a translator makes of it (the same failure: unchanged). Nested commands pass through: their caller, inside
 * the outer command, may handle the original failure itself.
 */
public final class FailureTranslation extends CommandInterceptor {

    private final BiFunction<Command<?>, RuntimeException, RuntimeException> translator;

    private FailureTranslation(BiFunction<Command<?>, RuntimeException, RuntimeException> translator) {
        this.translator = translator;
    }

    /** Adds a translation to the engine's command chain (the one every service call takes), before it is built. */
    public static void install(ProcessEngineConfigurationImpl configuration,
            BiFunction<Command<?>, RuntimeException, RuntimeException> translator) {
        EngineExtensions.addCommandInterceptor(configuration, new FailureTranslation(translator));
    }

    @Override
    public <T> T execute(Command<T> command) {
        if (Context.getCommandContext() != null) {
            return next.execute(command);
        }
        try {
            return next.execute(command);
        } catch (RuntimeException failure) {
            throw translator.apply(command, failure);
        }
    }
}
