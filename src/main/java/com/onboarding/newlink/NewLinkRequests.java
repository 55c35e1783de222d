package com.onboarding.newlink;

import com.onboarding.Texts;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.engine.EngineActor;
import com.onboarding.engine.EngineErrors;
import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationRepository;
import com.onboarding.invitation.InvitationStateException;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.invitation.Inviters;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.users.EmailAddress;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Send me a new link" on the dead-link page. The invitee asks with their address; the answer is the same for every
 * address. For an invitation that is open, expired or lapsed, the inviter (or the global admins) gets a Tasklist task
 * to resend or decline; cancelled invitations, active, deactivated and unknown addresses get nothing.
 */
@Service
public class NewLinkRequests {

    /** What the page says: accepted (whatever happens next), or too many requests and how long to wait. */
    public record Answer(Duration retryAfter) {

        static final Answer ACCEPTED = new Answer(Duration.ZERO);

        public boolean tooMany() {
            return !retryAfter.isZero();
        }
    }

    /** A request that concerns a real invitation. */
    public record Eligible(long userId, long invitationId, String recipient) {
    }

    /** Open, expired, or closed only because nobody followed it up. */
    private static final Set<InvitationStatus> ELIGIBLE = Set.of(InvitationStatus.PENDING, InvitationStatus.EXPIRED,
            InvitationStatus.LAPSED);

    private final NewLinkThrottle throttle;
    private final NewLinkRequestRepository requests;
    private final UserAccountRepository users;
    private final InvitationRepository invitations;
    private final InvitationCommands commands;
    private final Inviters inviters;
    private final AdminScopes adminScopes;
    private final AuditLog audit;
    private final RuntimeService runtime;
    private final HistoryService history;
    private final EngineActor engineActor;
    private final Clock clock;
    private final Texts texts;

    NewLinkRequests(NewLinkThrottle throttle, NewLinkRequestRepository requests, UserAccountRepository users, InvitationRepository invitations,
            InvitationCommands commands, Inviters inviters, AdminScopes adminScopes, AuditLog audit,
            RuntimeService runtime, HistoryService history, EngineActor engineActor, Clock clock,
            Texts texts) {
        this.throttle = throttle;
        this.requests = requests;
        this.users = users;
        this.invitations = invitations;
        this.commands = commands;
        this.inviters = inviters;
        this.adminScopes = adminScopes;
        this.audit = audit;
        this.runtime = runtime;
        this.history = history;
        this.engineActor = engineActor;
        this.clock = clock;
        this.texts = texts;
    }

    /**
     * The page's request. Every accepted request starts a process instance whose first step runs later as a job,
     * so the page answers alike, equally fast, for every address; and a request once answered is not lost.
     */
    @Transactional
    public Answer ask(String email, String ip) {
        String address = email == null ? "" : email.strip();
        if (address.isEmpty() || address.length() > EmailAddress.MAX_LENGTH) {
            return Answer.ACCEPTED; // nothing to look up; the same answer
        }
        Duration wait = throttle.wait(address, ip);
        if (!wait.isZero()) {
            return new Answer(wait);
        }
        NewLinkRequest request = requests.save(new NewLinkRequest(address, clock.instant()));
        engineActor.runAs(null, () -> runtime.createProcessInstanceByKey(NewLinkRequestProcess.KEY)
                .setVariable(NewLinkRequestProcess.REQUEST_ID.name(), request.getId())
                .execute());
        return Answer.ACCEPTED;
    }

    /**
     * "Check the request": whether the address has an invitation worth a new link, and no request for it is
     * waiting already. Audited on the user when it is.
     */
    @Transactional
    public Optional<Eligible> check(long requestId, String processInstanceId) {
        Optional<NewLinkRequest> request = requests.findById(requestId);
        if (request.isEmpty()) {
            return Optional.empty();
        }
        requests.delete(request.get());
        Optional<UserAccount> user = users.findByEmailNormalized(UserAccount.normalizeEmail(request.get().getEmail()))
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

    /**
     * "Record the answer": the admin who completed the task resends (a new link; a lapsed invitation is invited
     * again) or declines. The same scope check and audit as on the Users screen.
     */
    @Transactional
    public void answer(long userId, long invitationId, String decision) {
        String actor = engineActor.current().orElseThrow(() -> new AuthorizationException(
                "Only a signed-in administrator can answer a request for a new link."));
        UserAccount user = users.findById(userId).orElseThrow(() -> EngineErrors.refused(
                texts.of("tasklist.newLink.userGone")));
        if (!adminScopes.of(actor).coversUser(user)) {
            throw new AuthorizationException(actor + " may not answer for user " + userId
                    + ": they belong to clients outside their scope.");
        }
        if (NewLinkRequestProcess.DECLINE.equals(decision)) {
            audit.record(actor, AuditAction.NEW_LINK_DECLINED, userId, "invitation " + invitationId);
            return;
        }
        if (!NewLinkRequestProcess.RESEND.equals(decision)) {
            throw EngineErrors.refused(texts.of("tasklist.newLink.choose"));
        }
        Invitation invitation = invitations.findById(invitationId).orElseThrow(() -> EngineErrors.refused(
                texts.of("tasklist.newLink.invitationGone")));
        try {
            if (invitation.getStatus() == InvitationStatus.LAPSED) {
                commands.reinvite(userId, actor);
            } else {
                commands.requestResend(invitationId, actor);
            }
        } catch (InvitationStateException e) {
            throw EngineErrors.refused(texts.of("tasklist.newLink.declineInstead", e.getMessage()));
        }
    }

    /** Who asks, for the task's name ("Ina Vogel asks for a new link"), from the user's record: no variable holds it. */
    @Transactional(readOnly = true)
    public String inviteeName(long userId, Locale language) {
        return users.findById(userId).map(UserAccount::getFullName).orElseGet(() -> texts.of(language, "newLink.someone"));
    }

    /** Deleting a user: their requests go from the application's table and the engine's runtime and history. */
    @Transactional
    public void forget(long userId) {
        users.findById(userId).ifPresent(user -> requests.deleteByEmail(user.getEmail()));
        String key = NewLinkRequestProcess.businessKey(userId);
        runtime.createProcessInstanceQuery().processInstanceBusinessKey(key).list()
                .forEach(instance -> runtime.deleteProcessInstance(instance.getId(), "user deleted", true, true));
        history.createHistoricProcessInstanceQuery().processInstanceBusinessKey(key).list().stream()
                .map(HistoricProcessInstance::getId)
                .forEach(history::deleteHistoricProcessInstanceIfExists);
    }
}
