package com.onboarding.admin.users;

import java.time.Instant;
import java.util.List;

/** One row of the user list (screens and API). */
public record UserRow(long id, String firstName, String lastName, String email, String role, List<String> clients,
        UserListStatus status, Instant invitedOn, Instant linkValidUntil) {

    public String name() {
        return firstName + " " + lastName;
    }
}
