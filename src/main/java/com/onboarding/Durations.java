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

    /** A measured duration, to the two largest units: "2 days 3 hours", "5 hours 20 minutes", "under a minute". */
    public static String roughly(Duration duration) {
        if (duration.toDays() > 0) {
            return plural(duration.toDays(), "day")
                    + (duration.toHoursPart() > 0 ? " " + plural(duration.toHoursPart(), "hour") : "");
        }
        if (duration.toHours() > 0) {
            return plural(duration.toHours(), "hour")
                    + (duration.toMinutesPart() > 0 ? " " + plural(duration.toMinutesPart(), "minute") : "");
        }
        return duration.toMinutes() > 0 ? plural(duration.toMinutes(), "minute") : "under a minute";
    }

    private static String plural(long count, String unit) {
        return count + " " + unit + (count == 1 ? "" : "s");
    }
}
