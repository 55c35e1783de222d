package com.onboarding.engine;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * The application's refusals inside engine calls (a form submitted in Tasklist, say) carry an error code of their
 * own from the range Camunda leaves to applications (20000 to 39999), so that the web layer can tell them from
 * engine failures and answer them as what they are: a 400 with the sentence for the person.
 */
public final class EngineErrors {

    /** A request the application refused; the message is written for the person who made it. */
    public static final int REFUSED = 22_001;

    private EngineErrors() {
    }

    public static BadUserRequestException refused(String message) {
        BadUserRequestException refusal = new BadUserRequestException(message);
        refusal.setCode(REFUSED);
        return refusal;
    }
}
