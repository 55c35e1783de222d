package com.onboarding.webhooks;

import com.onboarding.invitation.InvitationEvent;
import com.onboarding.users.UserEvent;
import java.util.Arrays;
import java.util.Optional;

/** The events an endpoint may subscribe to, named as the payload's {@code type} says them. */
public enum WebhookEventType {

    INVITATION_CREATED("invitation.created"),
    INVITATION_SENT("invitation.sent"),
    INVITATION_REMINDED("invitation.reminded"),
    INVITATION_ACCEPTED("invitation.accepted"),
    INVITATION_EXPIRED("invitation.expired"),
    INVITATION_CANCELLED("invitation.cancelled"),
    INVITATION_LAPSED("invitation.lapsed"),
    USER_DEACTIVATED("user.deactivated"),
    USER_DELETED("user.deleted");

    private final String type;

    WebhookEventType(String type) {
        this.type = type;
    }

    public String type() {
        return type;
    }

    public static Optional<WebhookEventType> of(String type) {
        return Arrays.stream(values()).filter(value -> value.type.equals(type)).findFirst();
    }

    static WebhookEventType of(InvitationEvent.Kind kind) {
        return valueOf("INVITATION_" + kind.name());
    }

    static WebhookEventType of(UserEvent.Kind kind) {
        return valueOf("USER_" + kind.name());
    }
}
