package com.onboarding.invitation;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** When an invitee is reminded: each configured duration before the link's end; the next one still ahead counts. */
final class ReminderSchedule {

    private ReminderSchedule() {
    }

    /** The earliest reminder strictly after {@code now}; empty when none is left. */
    static Optional<Instant> next(List<Duration> beforeTheEnd, Instant linkEnd, Instant now) {
        return beforeTheEnd.stream().map(linkEnd::minus).filter(at -> at.isAfter(now)).min(Comparator.naturalOrder());
    }
}
