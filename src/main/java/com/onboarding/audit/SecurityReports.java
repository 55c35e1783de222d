package com.onboarding.audit;

import com.onboarding.ConflictException;
import com.onboarding.OnboardingProperties;
import com.onboarding.mail.MailService;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * "Request security report": mails the requesting admin every security-relevant event about one user, with time
 * and actor: invitations sent, resent, cancelled, accepted; sign-ins and failures; password changes and resets;
 * changes of data, role, permissions and clients; deactivations.
 */
@Service
public class SecurityReports {

    /** One line of the report. */
    public record Entry(String when, String what, String who, String details) {
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final AuditEventRepository events;
    private final AuditLog audit;
    private final MailService mail;
    private final OnboardingProperties properties;

    public SecurityReports(AuditEventRepository events, AuditLog audit, MailService mail, OnboardingProperties properties) {
        this.events = events;
        this.audit = audit;
        this.mail = mail;
        this.properties = properties;
    }

    /** Mails the requesting admin every security-relevant event about one user of the business application. */
    @Transactional
    public List<Entry> send(long userId, String userName, String adminId, String adminEmail) {
        requireEmail(adminEmail);
        audit.record(adminId, AuditAction.SECURITY_REPORT_REQUESTED, userId, null);
        return mail(adminEmail, userName, events.findBySubjectUserIdOrderByOccurredAtAsc(userId));
    }

    /**
     * Mails the requesting (global) admin every security-relevant event about an administrator: their sign-ins,
     * account, password, group and scope changes, from Camunda Admin, /engine-rest or the Administrators screen.
     */
    @Transactional
    public List<Entry> sendAboutAdmin(String subjectAdminId, String subjectName, String adminId, String adminEmail) {
        requireEmail(adminEmail);
        audit.recordAboutAdmin(adminId, AuditAction.SECURITY_REPORT_REQUESTED, subjectAdminId, null);
        return mail(adminEmail, subjectName, events.findBySubjectAdminIdOrderByOccurredAtAsc(subjectAdminId));
    }

    private static void requireEmail(String adminEmail) {
        if (adminEmail == null || adminEmail.isBlank()) {
            throw new ConflictException("Your Camunda account has no email address; add one in Camunda Admin "
                    + "to receive security reports.");
        }
    }

    private List<Entry> mail(String to, String subjectName, List<AuditEvent> events) {
        List<Entry> entries = events.stream()
                .map(e -> new Entry(TIME.withZone(properties.timeZone()).format(e.getOccurredAt()), e.getAction().label(),
                        e.getActor(), e.getDetails() == null ? "" : e.getDetails()))
                .toList();
        mail.send(to, "Security report: " + subjectName, "security-report", Locale.ENGLISH,
                Map.of("userName", subjectName, "entries", entries, "zone", properties.timeZone().getId()));
        return entries;
    }
}
