package com.onboarding.engine;

import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * The application's refusals inside engine calls (a Tasklist form it will not accept, say). They are form
 * validation failures to the engine, which its REST API answers with 400, and carry an error code of their own
 * from the range Camunda leaves to applications (20000 to 39999), so that {@link EngineRefusalMessages} can give
 * the person the application's sentence without the engine's technical prefix.
 */
public final class EngineErrors {

    /** A request the application refused; the message is written for the person who made it. */
    public static final int REFUSED = 22_001;

    private EngineErrors() {
    }

    /** Whether the engine failed because the application refused (see {@link #refused}). */
    public static boolean isRefusal(Throwable failure) {
        return failure instanceof FormFieldValidationException refused && refused.getCode() == REFUSED;
    }

    public static FormFieldValidationException refused(String message) {
        FormFieldValidationException refusal = new FormFieldValidationException(null, message);
        refusal.setCode(REFUSED);
        return refusal;
    }
}
