package com.onboarding.users;

import java.util.List;

/**
 * Something happened to a user account, published (Spring application event) inside the transaction that did it.
 * Ids only; the clients as they were at that moment (a deleted user has none left to look up).
 */
public record UserEvent(Kind kind, long userId, List<Long> clientIds) {

    public static UserEvent of(Kind kind, UserAccount user) {
        return new UserEvent(kind, user.getId(), user.clientIds());
    }

    public enum Kind {
        DEACTIVATED,
        DELETED
    }
}
