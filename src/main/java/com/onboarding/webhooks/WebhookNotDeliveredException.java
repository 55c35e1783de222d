package com.onboarding.webhooks;

/** A delivery did not get through (yet): the engine retries the step, then shows an incident with this message. */
public class WebhookNotDeliveredException extends RuntimeException {

    public WebhookNotDeliveredException(String message) {
        super(message);
    }
}
