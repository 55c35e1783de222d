package com.onboarding.registration;

import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationRepository;
import com.onboarding.links.OneTimeLinks;
import org.springframework.stereotype.Component;

/** The invitation a registration link admits right now, if any: the one rule every step of the page goes through. */
@Component
class InvitationLinks {

    private final InvitationRepository invitations;
    private final OneTimeLinks links;

    InvitationLinks(InvitationRepository invitations, OneTimeLinks links) {
        this.invitations = invitations;
        this.links = links;
    }

    /** With {@code lock}, the invitation row stays locked until the registration commits (see findForUpdate). */
    Invitation usable(String token, boolean lock) {
        return links.open(token, hash -> lock
                ? invitations.findIdByTokenHash(hash).flatMap(invitations::findForUpdate)
                        .filter(locked -> hash.equals(locked.getTokenHash()))
                : invitations.findByTokenHash(hash));
    }
}
