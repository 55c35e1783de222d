package com.onboarding.invitation;

import com.onboarding.scopes.AdminScopes;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Who looks after an invitation when something needs a person: its inviter, while they can still act on it. */
@Component
public class Inviters {

    private final AdminScopes adminScopes;

    Inviters(AdminScopes adminScopes) {
        this.adminScopes = adminScopes;
    }

    /**
     * The inviter, if they still exist as a Camunda user and their scope still covers the user; else empty, and
     * the global admins (camunda-admin) look after it.
     */
    public Optional<String> responsibleFor(Invitation invitation) {
        String inviter = invitation.getInvitedBy();
        boolean canAct = adminScopes.camundaUser(inviter) != null
                && adminScopes.of(inviter).coversUser(invitation.getUser());
        return canAct ? Optional.of(inviter) : Optional.empty();
    }
}
