package com.onboarding.admin.users;

import java.time.Instant;
import java.util.List;

/**
 * One row of the user list (screens and API). {@code pendingChange} describes a sensitive role or permission an
 * admin asked for that waits for another global admin's approval (null: none). {@code processInstanceId} is the
 * current invitation's instance, for "Open in Cockpit"; Cockpit's business key {@code invitation-<id>} leads back,
 * as the Users search accepts it. {@code failedStep} is the step of that instance that stopped in an incident after
 * its retries (null: none), e.g. SendInvitationMail when the mail server refused the invitation for hours.
 * {@code passkey}: whether the user can sign in with a passkey. {@code invitedBy}: the admin who sent the current
 * invitation (null: none), who may not approve it themselves. {@code lastSignIn}: when they last signed in (null:
 * never).
 */
public record UserRow(long id, String firstName, String lastName, String email, String role, List<String> clients,
        UserListStatus status, Instant invitedOn, Instant linkValidUntil, String pendingChange,
        String processInstanceId, String failedStep, boolean passkey, String invitedBy, Instant lastSignIn) {

    public String name() {
        return firstName + " " + lastName;
    }
}
