package com.onboarding.web;

import com.onboarding.OnboardingProperties;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.stereotype.Component;

/**
 * Dates and times as the pages show them: in the configured zone (the one the mails use), ISO order, never split
 * over two lines (the pages put them in a {@code time} element of class {@code nowrap}). Templates call it as
 * {@code @dates}.
 */
@Component("dates")
public class Dates {

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final ZoneId zone;

    public Dates(OnboardingProperties properties) {
        this.zone = properties.timeZone();
    }

    public String date(Instant instant) {
        return instant == null ? "" : DATE.withZone(zone).format(instant);
    }

    public String date(LocalDate date) {
        return date == null ? "" : DATE.format(date);
    }

    public String dateTime(Instant instant) {
        return instant == null ? "" : DATE_TIME.withZone(zone).format(instant);
    }

    /** To the second: files and reports, where two entries of one minute keep their order. */
    public String seconds(Instant instant) {
        return instant == null ? "" : SECONDS.withZone(zone).format(instant);
    }

    /** For the {@code datetime} attribute: the exact instant. */
    public String iso(Instant instant) {
        return instant == null ? "" : instant.toString();
    }

    /** The zone's name, said once on each page that shows times. */
    public String zone() {
        return zone.getId();
    }
}
