package com.onboarding;

import java.time.Duration;

/** Durations as people read them in messages: "21 days", "36 hours", "90 minutes". */
public final class Durations {

    private Durations() {
    }

    public static String forPeople(Duration duration) {
        if (duration.toHoursPart() == 0 && duration.toMinutesPart() == 0 && duration.toDays() > 0) {
            return plural(duration.toDays(), "day");
        }
        if (duration.toMinutesPart() == 0 && duration.toHours() > 0) {
            return plural(duration.toHours(), "hour");
        }
        return plural(duration.toMinutes(), "minute");
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
