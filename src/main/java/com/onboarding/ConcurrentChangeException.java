package com.onboarding;

/** Someone else acted on the same invitation at the same moment; this action was rolled back and changed nothing. */
public class ConcurrentChangeException extends ConflictException {

    public ConcurrentChangeException(Throwable cause) {
        super("Someone else changed this invitation at the same moment. Nothing was changed by your action; "
                + "reload and try again.");
        initCause(cause);
    }
}
