package com.onboarding.newlink.process;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationRepository;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.invitation.Inviters;
import com.onboarding.newlink.NewLinkRequestProcess;
import com.onboarding.newlink.NewLinkRequests;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserStatus;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Process step "Check the request": whether anyone needs to act on a request for a new link, and who. */
@Component
class NewLinkChecks {

    /** A request that concerns a real invitation. */
    record Eligible(long userId, long invitationId, String recipient) {
    }

    /** Open, expired, or closed only because nobody followed it up. */
    private static final Set<InvitationStatus> ELIGIBLE = Set.of(InvitationStatus.PENDING, InvitationStatus.EXPIRED,
            InvitationStatus.LAPSED);

    private final NewLinkRequests requests;
    private final UserAccountRepository users;
    private final InvitationRepository invitations;
    private final Inviters inviters;
    private final RuntimeService runtime;
    private final AuditLog audit;

    NewLinkChecks(NewLinkRequests requests, UserAccountRepository users, InvitationRepository invitations,
            Inviters inviters, RuntimeService runtime, AuditLog audit) {
        this.requests = requests;
        this.users = users;
        this.invitations = invitations;
        this.inviters = inviters;
        this.runtime = runtime;
        this.audit = audit;
    }

    /**
     * "Check the request": whether the address has an invitation worth a new link, and no request for it is
     * waiting already. Audited on the user when it is.
     */
    @Transactional
    public Optional<Eligible> check(long requestId, String processInstanceId) {
        Optional<String> address = requests.take(requestId);
        if (address.isEmpty()) {
            return Optional.empty();
        }
        Optional<UserAccount> user = users.findByEmailNormalized(UserAccount.normalizeEmail(address.get()))
                .filter(candidate -> candidate.getStatus() == UserStatus.INVITED)
                .filter(candidate -> candidate.getCurrentInvitationId() != null);
        if (user.isEmpty()) {
            return Optional.empty();
        }
        Invitation invitation = invitations.findById(user.get().getCurrentInvitationId()).orElse(null);
        if (invitation == null || !ELIGIBLE.contains(invitation.getStatus())) {
            return Optional.empty();
        }
        long userId = user.get().getId();
        boolean alreadyWaiting = runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(NewLinkRequestProcess.businessKey(userId))
                .list().stream().anyMatch(other -> !other.getId().equals(processInstanceId));
        if (alreadyWaiting) {
            return Optional.empty();
        }
        audit.record(user.get().getEmail(), AuditAction.NEW_LINK_REQUESTED, userId,
                "invitation " + invitation.getId() + " (" + invitation.getStatus() + ")");
        return Optional.of(new Eligible(userId, invitation.getId(), inviters.responsibleFor(invitation).orElse(null)));
    }
}
