package com.onboarding.registration;

import com.onboarding.clients.Client;
import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationMails;
import com.onboarding.passkeys.Passkeys;
import com.onboarding.providers.IdentityProviders;
import com.onboarding.providers.ProviderChoice;
import com.onboarding.terms.ClientTerms;
import com.onboarding.terms.Terms;
import com.onboarding.users.Permission;
import com.onboarding.users.UserAccount;
import java.util.Comparator;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the registration page tells the invitee before the form: who invited them, with which personal text, to
 * which clients, with which role and permissions (with their descriptions); the clients' terms to accept (current
 * versions); whether the invitee made a passkey with this link already (then the password may stay empty); and the
 * clients' identity providers they may register at instead.
 */
@Service
public class RegistrationWelcome {

    public record Welcome(String email, String inviter, String personalText, String role, String roleDescription,
            List<Permission> permissions, List<String> clients, List<ClientTerms> terms, boolean passkey,
            List<ProviderChoice> providers) {
    }

    private final InvitationLinks links;
    private final InvitationMails mails;
    private final Terms terms;
    private final Passkeys passkeys;
    private final IdentityProviders providers;

    RegistrationWelcome(InvitationLinks links, InvitationMails mails, Terms terms, Passkeys passkeys,
            IdentityProviders providers) {
        this.links = links;
        this.mails = mails;
        this.terms = terms;
        this.passkeys = passkeys;
        this.providers = providers;
    }

    @Transactional(readOnly = true)
    public Welcome welcome(String token) {
        Invitation invitation = links.usable(token, false);
        UserAccount user = invitation.getUser();
        return new Welcome(user.getEmail(), mails.inviterName(invitation.getInvitedBy()), invitation.getPersonalText(),
                user.getRole().getName(), user.getRole().getDescription(),
                user.getPermissions().stream().sorted(Comparator.comparing(Permission::getName)).toList(),
                user.getClients().stream().map(Client::getName).sorted().toList(), terms.current(user.getClients()),
                passkeys.madeSince(user.getEmail(), invitation.getLinkSentAt()),
                providers.of(user.getClients()).stream().map(ProviderChoice::of).toList());
    }
}
