package com.onboarding.admin.audit;

import com.onboarding.OnboardingProperties;
import com.onboarding.SpreadsheetCells;
import com.onboarding.Texts;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditEvent;
import com.onboarding.audit.AuditTrail;
import com.onboarding.scopes.AdminScope;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.web.Dates;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The audit screen (global admins only): every entry of the audit log, filtered, newest first, with the user each is
 * about by their current email (a deleted user's entries stay, anonymised); and the same as a CSV file.
 */
@Service
public class AuditScreen {

    public static final int PAGE_SIZE = 50;
    /** Entries read per query for the file: written page by page, so memory stays flat however long the log. */
    static final int ROWS_PER_READ = 500;

    /**
     * One entry as the screen shows it. {@code subjectUser}: the email of the user it is about, while they exist;
     * {@code subjectUserId} stays after a deletion.
     */
    public record AuditRow(long id, Instant at, String actor, AuditAction action, Long subjectUserId,
            String subjectUser, String subjectAdmin, String details) {
    }

    private final AuditTrail trail;
    private final UserAccountRepository users;
    private final OnboardingProperties properties;
    private final Texts texts;
    private final Dates dates;
    private final Clock clock;

    AuditScreen(AuditTrail trail, UserAccountRepository users, OnboardingProperties properties, Texts texts,
            Dates dates, Clock clock) {
        this.trail = trail;
        this.users = users;
        this.properties = properties;
        this.texts = texts;
        this.dates = dates;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<AuditRow> search(AuditSearch search, AdminScope scope) {
        return search(search, scope, PAGE_SIZE);
    }

    private Page<AuditRow> search(AuditSearch search, AdminScope scope, int size) {
        scope.requireGlobal("read the audit log");
        Page<AuditEvent> page = trail.search(search.filter(properties.timeZone()), search.page(), size);
        Map<Long, String> emails = users.findAllById(page.getContent().stream().map(AuditEvent::getSubjectUserId)
                        .filter(Objects::nonNull).distinct().toList()).stream()
                .collect(Collectors.toMap(UserAccount::getId, UserAccount::getEmail));
        return page.map(event -> new AuditRow(event.getId(), event.getOccurredAt(), event.getActor(), event.getAction(),
                event.getSubjectUserId(), emails.get(event.getSubjectUserId()), event.getSubjectAdminId(),
                event.getDetails()));
    }

    /** The file's name: audit-2026-12-05.csv, today in the screens' zone. */
    public String fileName() {
        return "audit-" + dates.date(clock.instant()) + ".csv";
    }

    /**
     * The filtered log as CSV: UTF-8 with a byte order mark, headers and actions in the reader's language, times in
     * the screens' zone, every cell defused ({@link SpreadsheetCells}).
     */
    @Transactional(readOnly = true)
    public void write(AuditSearch search, AdminScope scope, Locale locale, OutputStream out) throws IOException {
        scope.requireGlobal("read the audit log");
        Function<String, String> text = key -> texts.of(locale, key);
        CSVPrinter csv = SpreadsheetCells.file(out, text.apply("audit.time"), text.apply("audit.actor"), "action",
                text.apply("audit.action"), text.apply("audit.subject"), "user id", text.apply("audit.details"));
        Page<AuditRow> page;
        int number = 0;
        do {
            page = search(search.atPage(number++), scope, ROWS_PER_READ);
            for (AuditRow row : page) {
                csv.printRecord(dates.seconds(row.at()), cell(row.actor()), row.action().name(),
                        text.apply("audit.action." + row.action().name()),
                        cell(row.subjectUser() != null ? row.subjectUser() : row.subjectAdmin()),
                        row.subjectUserId(), cell(row.details()));
            }
        } while (page.hasNext());
        csv.flush();
    }

    private static String cell(String value) {
        return SpreadsheetCells.defused(value);
    }
}
