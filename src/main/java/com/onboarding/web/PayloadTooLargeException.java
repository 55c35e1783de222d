package com.onboarding.web;

import java.io.IOException;

/** A request body beyond {@link RequestSizeLimit}'s limit. An IOException, so that body readers pass it on. */
public class PayloadTooLargeException extends IOException {

    public PayloadTooLargeException(long limit) {
        super("The request body is larger than " + limit / 1024 + " KB, the most this service accepts.");
    }
}
