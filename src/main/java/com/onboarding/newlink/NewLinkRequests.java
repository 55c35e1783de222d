package com.onboarding.newlink;

import com.onboarding.users.EmailAddress;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Send me a new link" on the dead-link page: what the invitee does. They ask with their address; the answer is the
 * same for every address. Each accepted request starts bpmn/new-link-request.bpmn (newlink.process), whose steps
 * decide whether anyone needs to act: for an invitation that is open, expired or lapsed, the inviter (or the global
 * admins) gets a Tasklist task to resend or decline; cancelled invitations, active, deactivated and unknown addresses
 * get nothing.
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

    /** Published for each accepted request; its process starts in the same transaction. */
    public record Asked(long requestId) {
    }

    private final NewLinkThrottle throttle;
    private final NewLinkRequestRepository requests;
    private final UserAccountRepository users;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    NewLinkRequests(NewLinkThrottle throttle, NewLinkRequestRepository requests, UserAccountRepository users,
            ApplicationEventPublisher events, Clock clock) {
        this.throttle = throttle;
        this.requests = requests;
        this.users = users;
        this.events = events;
        this.clock = clock;
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
        events.publishEvent(new Asked(request.getId()));
        return Answer.ACCEPTED;
    }

    /** The address a request was made with, taken out of the table (the check step keeps no address); once. */
    @Transactional
    public Optional<String> take(long requestId) {
        Optional<NewLinkRequest> request = requests.findById(requestId);
        request.ifPresent(requests::delete);
        return request.map(NewLinkRequest::getEmail);
    }

    /** Deleting a user: their requests go from the application's table (their processes: NewLinkProcesses). */
    @Transactional
    public void forget(long userId) {
        users.findById(userId).ifPresent(user -> requests.deleteByEmail(user.getEmail()));
    }
}
