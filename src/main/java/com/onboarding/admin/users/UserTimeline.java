package com.onboarding.admin.users;

import com.onboarding.audit.AuditEvent;
import com.onboarding.audit.AuditTrail;
import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationProgress;
import com.onboarding.invitation.InvitationProgress.MailDelivery;
import com.onboarding.invitation.InvitationProgress.MailState;
import com.onboarding.invitation.InvitationRepository;
import com.onboarding.scopes.AdminScope;
import com.onboarding.users.Permission;
import com.onboarding.users.UserAccount;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A user's page (/users/{id}, GET /api/users/{id}/timeline): their data and everything that happened to them, newest
 * first, from the audit log (invitations, resends, reminders, expiry, follow-ups, approvals and rejections with
 * reasons, registration, sign-ins, changes, deactivation) and the engine (each mail and where it is). A deleted user
 * has no page; what the audit log keeps of them is anonymised.
 */
@Service
public class UserTimeline {

    /** Where an entry comes from: the audit log, or a mail step of the user's invitations. */
    public enum Source {
        AUDIT, MAIL
    }

    /**
     * One thing that happened. {@code event}: the audit action (INVITATION_SENT) or the mail's step
     * (SendReminder); {@code actor} and {@code details} as the audit log has them (mails: none); for a mail, its
     * state and, while retrying, its next attempt.
     */
    public record Entry(Instant at, Source source, String event, String actor, String details, MailState mailState,
            Instant nextAttempt) {

        /** The text the screens show for what happened. */
        public String messageKey() {
            return (source == Source.AUDIT ? "audit.action." : "timeline.mail.") + event;
        }
    }

    /** The page: the row as the list shows it, what the row leaves out, and the timeline. */
    public record UserPage(UserRow user, String language, List<String> permissions, List<Entry> timeline) {
    }

    private final UserDirectory directory;
    private final AuditTrail audit;
    private final InvitationRepository invitations;
    private final InvitationProgress progress;

    UserTimeline(UserDirectory directory, AuditTrail audit, InvitationRepository invitations,
            InvitationProgress progress) {
        this.directory = directory;
        this.audit = audit;
        this.invitations = invitations;
        this.progress = progress;
    }

    /** The user's page, if the user lies within the admin's scope (otherwise: not found). */
    @Transactional(readOnly = true)
    public UserPage page(long userId, AdminScope scope) {
        UserAccount user = directory.get(userId, scope);
        return new UserPage(directory.row(userId, scope), user.getLanguage().displayName(),
                user.getPermissions().stream().map(Permission::getName).sorted().toList(), timeline(user));
    }

    private List<Entry> timeline(UserAccount user) {
        List<Entry> entries = new ArrayList<>();
        for (AuditEvent event : audit.aboutUser(user.getId())) {
            entries.add(new Entry(event.getOccurredAt(), Source.AUDIT, event.getAction().name(), event.getActor(),
                    event.getDetails(), null, null));
        }
        List<String> instances = invitations.findByUserIdOrderByCreatedAtDesc(user.getId()).stream()
                .map(Invitation::getProcessInstanceId).filter(Objects::nonNull).toList();
        for (MailDelivery mail : progress.mails(instances)) {
            entries.add(new Entry(mail.at(), Source.MAIL, mail.step(), null, null, mail.state(), mail.nextAttempt()));
        }
        // Newest first; at the same instant the mail after what caused it.
        entries.sort(Comparator.comparing(Entry::at).thenComparing(Entry::source).reversed());
        return entries;
    }
}
