package com.onboarding.engine;

import java.util.Optional;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who is acting, as the engine sees it. Every entry point leaves the acting person as the engine's authenticated
 * user: /engine-rest and the Camunda webapps do so for the signed-in person, and the application's own screens and
 * API do so through {@link #runAs}. Process steps read the actor from here, never from a process variable, which
 * anyone who may write variables could change.
 */
@Component
public class EngineActor {

    private final IdentityService identity;
    private final ProcessEngineConfigurationImpl configuration;

    public EngineActor(IdentityService identity, ProcessEngine engine) {
        this.identity = identity;
        this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    }

    /** The authenticated user of the current engine call; empty for the job executor and for anonymous callers. */
    public Optional<String> current() {
        Authentication authentication = identity.getCurrentAuthentication();
        return Optional.ofNullable(authentication).map(Authentication::getUserId);
    }

    /**
     * Runs engine calls of the application as the acting admin: steps see them as the actor. The application has
     * checked the admin's scope itself, so Camunda's authorization checks are off for these calls (a scoped admin
     * holds no grants on invitation processes: through /engine-rest they may not touch them).
     */
    public <T> T runAs(String actorId, Supplier<T> work) {
        Authentication previous = identity.getCurrentAuthentication();
        identity.setAuthentication(actorId, null);
        try {
            return configuration.getCommandExecutorTxRequired()
                    .execute(commandContext -> commandContext.runWithoutAuthorization(work::get));
        } finally {
            identity.setAuthentication(previous);
        }
    }
}
