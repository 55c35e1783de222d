package com.onboarding.invitation;

import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.Texts;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditLog;
import com.onboarding.invitation.InvitationRules.ValidInvitation;
import com.onboarding.users.ReferenceData;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserStatus;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What an administrator does to invitations: invite, invite again, resend, cancel. Each command reaches the process
 * through {@link InvitationProcesses}, as the acting admin, so the process steps it triggers know who acts; the
 * steps themselves ({@link InvitationSteps}) change the invitation, check the actor's scope and write the audit
 * entry, whichever entry point sent the message.
 */
@Service
public class InvitationCommands {

    /** The new invitation and its user. */
    public record Invited(long invitationId, long userId) {
    }

    private final InvitationRules rules;
    private final InvitationRepository invitations;
    private final UserAccountRepository users;
    private final InvitationSettings settings;
    private final InvitationProcesses processes;
    private final AuditLog audit;
    private final Clock clock;
    private final Texts texts;

    InvitationCommands(InvitationRules rules, InvitationRepository invitations, UserAccountRepository users,
            InvitationSettings settings, InvitationProcesses processes, AuditLog audit, Clock clock, Texts texts) {
        this.rules = rules;
        this.invitations = invitations;
        this.users = users;
        this.settings = settings;
        this.processes = processes;
        this.audit = audit;
        this.clock = clock;
        this.texts = texts;
    }

    /**
     * Creates the invited user and the invitation and starts its process; a rejected request throws
     * {@link InvitationRejectedException} and leaves nothing behind.
     */
    @Transactional
    public Invited invite(InvitationRequest request) {
        ValidInvitation valid = rules.check(request);
        Instant now = clock.instant();
        UserAccount user = UserAccount.invited(valid.profile(), valid.data().role(), valid.data().permissions(),
                valid.data().clients(), now);
        try {
            user = users.saveAndFlush(user);
        } catch (DataIntegrityViolationException e) {
            throw new InvitationRejectedException(texts, List.of(new Problem("email",
                    text("invitation.invitedConcurrently", valid.profile().email()))));
        }
        Invitation invitation = open(user, valid.invitedBy(), valid.personalText(), valid.linkValidityDays(),
                valid.data().needsApproval(), null);
        return new Invited(invitation.getId(), user.getId());
    }

    /**
     * Invites a user again whose invitation was cancelled (or who was deactivated before registering): a new
     * invitation and a new process instance, started like the first.
     */
    @Transactional
    public long reinvite(long userId, String actor) {
        return reinvite(userId, actor, null);
    }

    /** The same with a new personal text (null: the previous invitation's carries over). */
    @Transactional
    public long reinvite(long userId, String actor, PersonalText replacement) {
        String newText = replacement == null ? null : rules.check(replacement);
        UserAccount user = users.findById(userId)
                .orElseThrow(() -> new InvitationStateException("User " + userId + " does not exist."));
        if (user.getStatus() != UserStatus.INVITED) {
            throw new InvitationStateException(text(user.getStatus() == UserStatus.ACTIVE
                    ? "invitation.reinvite.active" : "invitation.reinvite.deactivated", user.getEmail()));
        }
        Invitation previous = user.getCurrentInvitationId() == null ? null
                : invitations.findForUpdate(user.getCurrentInvitationId()).orElse(null);
        if (previous != null && previous.isCancellable()) {
            throw new InvitationStateException(text("invitation.reinvite.open", user.getEmail()));
        }
        boolean needsApproval = ReferenceData.needsApproval(user.getRole(), user.getPermissions());
        // The personal text (unless replaced) and the chosen validity carry over; the rest is the user's as it is now.
        String personalText = replacement != null ? newText : previous == null ? null : previous.getPersonalText();
        return open(user, actor, personalText,
                previous == null ? null : previous.getLinkValidityDays(), needsApproval, " (again)").getId();
    }

    /** "Resend invitation": a new link valid for the full period; the old link is dead when this returns. */
    @Transactional
    public void requestResend(long invitationId, String actor) {
        requestResend(invitationId, actor, null);
    }

    /**
     * "Resend with a new text": the same, with this personal text in the new mail and its reminders (a blank text:
     * none; null: the text stays). A text that breaks the field's rules is refused and nothing is resent.
     */
    @Transactional
    public void requestResend(long invitationId, String actor, PersonalText replacement) {
        String checked = replacement == null ? null : rules.check(replacement);
        Invitation invitation = findOpen(invitationId, "resend");
        if (replacement != null) {
            invitation.replacePersonalText(checked);
        }
        processes.correlate(invitation, InvitationProcess.MESSAGE_RESEND, "resend", actor);
    }

    /** "Cancel invitation" (also while it waits for approval): the link is dead when this returns. */
    @Transactional
    public void requestCancel(long invitationId, String actor) {
        Invitation invitation = find(invitationId);
        if (!invitation.isCancellable()) {
            throw InvitationStateException.notOpen(texts, invitation, "cancel");
        }
        processes.correlate(invitation, InvitationProcess.MESSAGE_CANCEL, "cancel", actor);
    }

    /**
     * The invitation row, then its process: one start for first invitations and invitations again. With a sensitive
     * role or permission, the process first asks another global admin to approve.
     */
    private Invitation open(UserAccount user, String actor, String personalText, Integer linkValidityDays,
            boolean needsApproval, String auditNote) {
        Invitation invitation = invitations.save(new Invitation(user, actor, personalText, clock.instant(),
                linkValidityDays, settings.getLinkValidity(), needsApproval));
        user.setCurrentInvitationId(invitation.getId());
        // "Sent" only once it goes out: an invitation that needs approval is sent when approved, or never.
        audit.record(actor, needsApproval ? AuditAction.INVITATION_AWAITING_APPROVAL : AuditAction.INVITATION_SENT,
                user.getId(), "invitation " + invitation.getId() + (auditNote == null ? "" : auditNote));
        processes.start(invitation, user, actor, needsApproval);
        return invitation;
    }

    private Invitation find(long invitationId) {
        return invitations.findForUpdate(invitationId)
                .orElseThrow(() -> new InvitationStateException("Invitation " + invitationId + " does not exist."));
    }

    private Invitation findOpen(long invitationId, String verb) {
        Invitation invitation = find(invitationId);
        if (!invitation.isOpen()) {
            throw InvitationStateException.notOpen(texts, invitation, verb);
        }
        return invitation;
    }

    /**
     * The invitee registered (the registration page, in the transaction that saved their data): the invitation's
     * process activates them in the same transaction; refused as a dead link when it no longer waits for them.
     */
    public void registrationCompleted(Invitation invitation) {
        processes.registrationCompleted(invitation);
    }

    private String text(String key, Object... args) {
        return texts.of(key, args);
    }
}
