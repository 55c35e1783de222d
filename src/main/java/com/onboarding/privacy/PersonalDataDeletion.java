package com.onboarding.privacy;

import com.onboarding.account.PasswordResets;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.bulk.BulkImports;
import com.onboarding.invitation.InvitationDeletion;
import com.onboarding.newlink.NewLinkRequests;
import com.onboarding.passkeys.Passkeys;
import com.onboarding.privileges.PrivilegeChanges;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Delete user": the person's data goes everywhere it was: the user, their invitations, privilege changes, requests
 * for a new link, rows of bulk-invitation files and reset links, their processes in the engine's runtime and history, and their name in audit entries, which stay, anonymised,
 * for the record.
 */
@Service
public class PersonalDataDeletion {

    private final UserAccountRepository users;
    private final InvitationDeletion invitations;
    private final PasswordResets passwordResets;
    private final PrivilegeChanges privilegeChanges;
    private final NewLinkRequests newLinkRequests;
    private final BulkImports bulkImports;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Passkeys passkeys;

    public PersonalDataDeletion(UserAccountRepository users, InvitationDeletion invitations,
            PasswordResets passwordResets, PrivilegeChanges privilegeChanges, NewLinkRequests newLinkRequests,
            BulkImports bulkImports, AuditLog audit, ApplicationEventPublisher events, Passkeys passkeys) {
        this.users = users;
        this.invitations = invitations;
        this.passwordResets = passwordResets;
        this.privilegeChanges = privilegeChanges;
        this.newLinkRequests = newLinkRequests;
        this.bulkImports = bulkImports;
        this.audit = audit;
        this.events = events;
        this.passkeys = passkeys;
    }

    @Transactional
    public void delete(UserAccount user, String actor) {
        long userId = user.getId();
        events.publishEvent(UserEvent.of(UserEvent.Kind.DELETED, user));
        invitations.forget(userId);
        privilegeChanges.forget(userId);
        newLinkRequests.forget(userId);
        bulkImports.forget(userId, user.getEmail());
        passwordResets.forget(userId);
        passkeys.forget(user.getEmail());
        audit.anonymise(userId, user.getEmail(), "deleted user #" + userId);
        audit.record(actor, AuditAction.USER_DELETED, userId, null);
        users.delete(user);
    }
}
