package com.onboarding.invitation;

import com.onboarding.links.OneTimeLink;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserStatus;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Duration;
import java.time.Instant;

/**
 * One invitation of one user; its lifecycle is the process instance {@link #getProcessInstanceId()}.
 * The link token itself is never stored, only its hash; a null hash means no link works.
 */
@Entity
@Table(name = "invitation")
public class Invitation implements OneTimeLink {

    /** Longest personal invitation text (the column's size). */
    public static final int MAX_PERSONAL_TEXT = 2000;

    /** Shortest and longest link validity an admin may choose for one invitation, in days. */
    public static final int MIN_LINK_VALIDITY_DAYS = 1;
    public static final int MAX_LINK_VALIDITY_DAYS = 90;

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @ManyToOne(fetch = FetchType.EAGER, optional = false)
    @JoinColumn(name = "user_id")
    private UserAccount user;

    @Column(name = "invited_by", nullable = false)
    private String invitedBy;

    @Column(name = "personal_text")
    private String personalText;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    private InvitationStatus status;

    @Column(name = "token_hash")
    private String tokenHash;

    @Column(name = "expires_at", nullable = false)
    private Instant expiresAt;

    /** Chosen for this invitation; null: the setting's validity (onboarding.invitation.link-validity). */
    @Column(name = "link_validity_days")
    private Integer linkValidityDays;

    @Column(name = "link_sent_at")
    private Instant linkSentAt;

    /** How many links this invitation has had (see V17); the one mailed now is number linkNumber. */
    @Column(name = "link_number", nullable = false)
    private int linkNumber;

    @Column(name = "resend_count", nullable = false)
    private int resendCount;

    @Column(name = "process_instance_id")
    private String processInstanceId;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    @Column(name = "closed_at")
    private Instant closedAt;

    /** The global admin who approved or rejected a sensitive invitation. */
    @Column(name = "decided_by")
    private String decidedBy;

    @Column(name = "rejection_reason")
    private String rejectionReason;

    // Optimistic locking: two admins (or an admin and the invitee) acting at once leave one outcome.
    @Version
    private long version;

    protected Invitation() {
    }

    /**
     * A new invitation; with {@code needsApproval} it waits for a second global admin before any link exists (its
     * validity then starts at the approval). {@code linkValidityDays} is the admin's choice for this invitation,
     * null for the setting ({@code standardValidity}); every link period of it (first, approval, resend) lasts that
     * long.
     */
    public Invitation(UserAccount user, String invitedBy, String personalText, Instant now, Integer linkValidityDays,
            Duration standardValidity, boolean needsApproval) {
        this.user = user;
        this.invitedBy = invitedBy;
        this.personalText = personalText;
        this.status = needsApproval ? InvitationStatus.AWAITING_APPROVAL : InvitationStatus.PENDING;
        this.createdAt = now;
        this.linkValidityDays = linkValidityDays;
        this.expiresAt = now.plus(linkValidity(standardValidity));
    }

    /** How long each link of this invitation is valid: the admin's choice, else the setting. */
    public Duration linkValidity(Duration standardValidity) {
        return linkValidityDays == null ? standardValidity : Duration.ofDays(linkValidityDays);
    }

    /** Four-eyes: approved by {@code approver}; the link period starts now. */
    public void approve(String approver, Instant now, Duration standardValidity) {
        requireStatus(InvitationStatus.AWAITING_APPROVAL);
        this.status = InvitationStatus.PENDING;
        this.decidedBy = approver;
        this.expiresAt = now.plus(linkValidity(standardValidity));
    }

    /** Four-eyes: rejected, with the reason the inviter is told. */
    public void reject(String approver, String reason, Instant now) {
        requireStatus(InvitationStatus.AWAITING_APPROVAL);
        this.decidedBy = approver;
        this.rejectionReason = reason;
        close(InvitationStatus.REJECTED, now);
    }

    /** Expired and nobody followed up within the grace period. */
    public void lapse(Instant now) {
        requireStatus(InvitationStatus.EXPIRED);
        close(InvitationStatus.LAPSED, now);
    }

    /** A reminder's fresh link replaces the one mailed before; the validity end stays where it was. */
    public void replaceLink(String tokenHash, Instant now) {
        attachLink(tokenHash, now);
    }

    /** Whether an admin may still cancel it: open, or waiting for approval. */
    public boolean isCancellable() {
        return isOpen() || status == InvitationStatus.AWAITING_APPROVAL;
    }

    /**
     * The link that goes out now, number {@link #nextLinkNumber()}; any earlier link is dead from here on. Should the
     * transaction roll back after its mail went out, the number is still the next one, so the retry's link is that
     * mail's link.
     */
    public void attachLink(String tokenHash, Instant now) {
        requireStatus(InvitationStatus.PENDING);
        this.tokenHash = tokenHash;
        this.linkSentAt = now;
        this.linkNumber++;
    }

    /** The number of the link that goes out next (links.LinkTokens#forLink). */
    public int nextLinkNumber() {
        return linkNumber + 1;
    }

    /** What names this invitation's links for all time: its id and when it was made (ids of a restored database recur). */
    public String linkSubject() {
        return "invitation:" + id + ":" + createdAt.toEpochMilli();
    }

    /** Open: waiting for the invitee, before or after the link expired; resend and cancel apply. */
    public boolean isOpen() {
        return status == InvitationStatus.PENDING || status == InvitationStatus.EXPIRED;
    }

    /** Resend: the old link dies at once, the new one (mailed next) is valid for the full period. */
    public void reopen(Instant now, Duration standardValidity) {
        if (!isOpen()) {
            throw new IllegalStateException("Invitation " + id + " is " + status + " and cannot be resent");
        }
        this.status = InvitationStatus.PENDING;
        this.tokenHash = null;
        this.expiresAt = now.plus(linkValidity(standardValidity));
        this.resendCount++;
    }

    public void expire() {
        requireStatus(InvitationStatus.PENDING);
        this.status = InvitationStatus.EXPIRED;
        this.tokenHash = null;
    }

    public void cancel(Instant now) {
        if (!isCancellable()) {
            throw new IllegalStateException("Invitation " + id + " is " + status + " and cannot be cancelled");
        }
        close(InvitationStatus.CANCELLED, now);
    }

    public void accept(Instant now) {
        requireStatus(InvitationStatus.PENDING);
        close(InvitationStatus.ACCEPTED, now);
    }

    /**
     * Whether the link admits its holder at this instant: open, not expired (the timer may not have fired yet), and
     * the user still waiting to register.
     */
    @Override
    public boolean admits(Instant now) {
        return status == InvitationStatus.PENDING && tokenHash != null && !linkExpiredAt(now)
                && user.getStatus() == UserStatus.INVITED;
    }

    /** Whether the link has run out at this instant, whether or not the timer marked it yet. */
    public boolean linkExpiredAt(Instant now) {
        return status == InvitationStatus.EXPIRED || (status == InvitationStatus.PENDING && !now.isBefore(expiresAt));
    }

    private void close(InvitationStatus finalStatus, Instant now) {
        this.status = finalStatus;
        this.tokenHash = null;
        this.closedAt = now;
    }

    private void requireStatus(InvitationStatus expected) {
        if (status != expected) {
            throw new IllegalStateException("Invitation " + id + " is " + status + ", expected " + expected);
        }
    }

    public void linkToProcess(String processInstanceId) {
        this.processInstanceId = processInstanceId;
    }

    public Long getId() {
        return id;
    }

    public UserAccount getUser() {
        return user;
    }

    public String getInvitedBy() {
        return invitedBy;
    }

    public String getPersonalText() {
        return personalText;
    }

    /** A resend with a new text: the next mail and its reminders carry this one (null: none). */
    public void replacePersonalText(String text) {
        this.personalText = text;
    }

    public InvitationStatus getStatus() {
        return status;
    }

    public String getTokenHash() {
        return tokenHash;
    }

    public Instant getExpiresAt() {
        return expiresAt;
    }


    /** When the link that works now was mailed (null: none yet). */
    public Instant getLinkSentAt() {
        return linkSentAt;
    }

    public Integer getLinkValidityDays() {
        return linkValidityDays;
    }

    public int getResendCount() {
        return resendCount;
    }

    public String getProcessInstanceId() {
        return processInstanceId;
    }

    public String getDecidedBy() {
        return decidedBy;
    }

    public String getRejectionReason() {
        return rejectionReason;
    }

    public Instant getCreatedAt() {
        return createdAt;
    }

}
