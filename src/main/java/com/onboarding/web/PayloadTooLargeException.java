package com.onboarding.web;

import java.io.IOException;

/** A request body beyond {@link RequestSizeLimit}'s limit. An IOException, so that body readers pass it on. */
public class PayloadTooLargeException extends IOException {

    private final long limit;

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit / 1024 + " KB, the most this service accepts.");
        this.limit = limit;
    }

    /** The limit as people read it ("64 KB"). */
    public String limitText() {
        return limit / 1024 + " KB";
    }
}
