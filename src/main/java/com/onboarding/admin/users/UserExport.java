package com.onboarding.admin.users;

import com.onboarding.SpreadsheetCells;
import com.onboarding.Texts;
import com.onboarding.scopes.AdminScope;
import com.onboarding.web.Dates;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.Locale;
import org.apache.commons.csv.CSVPrinter;
import org.springframework.data.domain.Page;
import org.springframework.stereotype.Service;

/**
 * The user list as the admin filtered and sorted it, every page of it, as a CSV file for spreadsheets
 * ({@link SpreadsheetCells#file}: UTF-8 with a byte order mark): headers in the reader's language, times in the zone
 * the screens use, every cell defused. Only the users the admin administers, as on the screen.
 */
@Service
public class UserExport {

    /** Rows read per query: the file is written page by page, so memory stays flat however long the list. */
    static final int ROWS_PER_READ = 500;

    private final UserDirectory directory;
    private final Texts texts;
    private final Dates dates;
    private final Clock clock;

    UserExport(UserDirectory directory, Texts texts, Dates dates, Clock clock) {
        this.directory = directory;
        this.texts = texts;
        this.dates = dates;
        this.clock = clock;
    }

    /** The file's name: users-2026-12-05.csv, today in the screens' zone. */
    public String fileName() {
        return "users-" + dates.date(clock.instant()) + ".csv";
    }

    public void write(UserSearch search, AdminScope scope, Locale locale, OutputStream out) throws IOException {
        CSVPrinter csv = SpreadsheetCells.file(out,
                "id", text(locale, "registration.firstName"), text(locale, "registration.lastName"),
                text(locale, "users.email"), text(locale, "users.role"), text(locale, "users.clients"),
                text(locale, "users.status"), text(locale, "users.invitedOn"), text(locale, "users.validUntil"),
                text(locale, "users.lastSignIn"));
        Page<UserRow> page;
        int number = 0;
        do {
            page = directory.search(search.atPage(number++), scope, ROWS_PER_READ);
            for (UserRow row : page) {
                csv.printRecord(row.id(), cell(row.firstName()), cell(row.lastName()), cell(row.email()),
                        cell(row.role()), cell(String.join(" | ", row.clients())),
                        text(locale, "status." + row.status().name()), dates.dateTime(row.invitedOn()),
                        dates.dateTime(row.linkValidUntil()), dates.dateTime(row.lastSignIn()));
            }
        } while (page.hasNext());
        csv.flush();
    }

    private String text(Locale locale, String key) {
        return texts.of(locale, key);
    }

    private static String cell(String value) {
        return SpreadsheetCells.defused(value);
    }
}
