package com.onboarding.engine;

import com.onboarding.ConflictException;
import com.onboarding.NotFoundException;
import com.onboarding.RejectedRequestException;
import jakarta.servlet.http.HttpServletRequest;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Refusals inside an engine call read as refusals, not as the engine failing. Camunda's REST API (and the webapps'
 * engine API behind Cockpit and Camunda Admin) answers 400 only for a {@link BadUserRequestException}; anything else
 * is a 500 with a stack trace in the log. So in a call to those APIs the application's refusals (a four-eyes or
 * form refusal outside a form submission, e.g. in a process modification; a step that does not fit the invitation's
 * state; not found; rejected input) become BadUserRequestExceptions with the application's sentence. The
 * application's own callers keep its exception types ({@link ConflictException} is a 409 on the screens and /api).
 * Form submissions keep their own answer (Camunda's 400 with {@link EngineRefusalMessages}). Only the outermost
 * command translates ({@link FailureTranslation}).
 */
@Component
class EngineRefusals extends AbstractProcessEnginePlugin {

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        FailureTranslation.install(configuration, EngineRefusals::translate);
    }

    private static RuntimeException translate(Command<?> command, RuntimeException failure) {
        if (!calledOverTheEngineApi() || command instanceof SubmitTaskFormCmd
                || command instanceof SubmitStartFormCmd) {
            return failure;
        }
        if (EngineErrors.isRefusal(failure)) {
            return refusal(failure.getMessage(), EngineErrors.REFUSED, failure);
        }
        if (failure instanceof ConflictException || failure instanceof NotFoundException
                || failure instanceof RejectedRequestException) {
            return refusal(failure.getMessage(), EngineErrors.REFUSED, failure);
        }
        return failure;
    }

    private static BadUserRequestException refusal(String message, int code, RuntimeException cause) {
        BadUserRequestException refusal = new BadUserRequestException(message, cause);
        refusal.setCode(code);
        return refusal;
    }

    /** /engine-rest, or the webapps' engine API (Cockpit, Tasklist, Camunda Admin). */
    private static boolean calledOverTheEngineApi() {
        if (!(RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes)) {
            return false;
        }
        HttpServletRequest request = attributes.getRequest();
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.startsWith("/engine-rest/") || path.startsWith("/camunda/api/engine/");
    }
}
