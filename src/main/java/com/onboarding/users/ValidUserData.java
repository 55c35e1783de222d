package com.onboarding.users;

import com.onboarding.clients.Client;
import java.util.Set;

/** User data that passed every rule, resolved to the language, role, permissions and clients it names. */
public record ValidUserData(String firstName, String lastName, Language language, Role role,
        Set<Permission> permissions, Set<Client> clients) {

    /** Four-eyes: a sensitive role or permission needs a second global admin's approval before it is granted. */
    public boolean needsApproval() {
        return ReferenceData.needsApproval(role, permissions);
    }
}
