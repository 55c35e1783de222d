package com.onboarding.admin;

/** Filters of the user list: free text (name or email), status, client; all optional. */
public record UserSearch(String query, UserListStatus status, Long clientId) {

    public static UserSearch all() {
        return new UserSearch(null, null, null);
    }
}
