package com.onboarding;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them, in English or German: "21 days", "36 Stunden", "90 minutes". */
public final class Durations {

    /** A unit's singular and plural per language: English, then German. */
    private enum Unit {
        DAY("day", "days", "Tag", "Tage"),
        HOUR("hour", "hours", "Stunde", "Stunden"),
        MINUTE("minute", "minutes", "Minute", "Minuten");

        private final String[] words;

        Unit(String... words) {
            this.words = words;
        }

        String of(long count, Locale locale) {
            int offset = german(locale) ? 2 : 0;
            return count + " " + words[offset + (count == 1 ? 0 : 1)];
        }
    }

    private Durations() {
    }

    public static String forPeople(Duration duration) {
        return forPeople(duration, Locale.ENGLISH);
    }

    public static String forPeople(Duration duration, Locale locale) {
        if (duration.toHoursPart() == 0 && duration.toMinutesPart() == 0 && duration.toDays() > 0) {
            return Unit.DAY.of(duration.toDays(), locale);
        }
        if (duration.toMinutesPart() == 0 && duration.toHours() > 0) {
            return Unit.HOUR.of(duration.toHours(), locale);
        }
        return Unit.MINUTE.of(duration.toMinutes(), locale);
    }

    /** A measured duration, to the two largest units: "2 days 3 hours", "5 hours 20 minutes", "under a minute". */
    public static String roughly(Duration duration, Locale locale) {
        if (duration.toDays() > 0) {
            return Unit.DAY.of(duration.toDays(), locale)
                    + (duration.toHoursPart() > 0 ? " " + Unit.HOUR.of(duration.toHoursPart(), locale) : "");
        }
        if (duration.toHours() > 0) {
            return Unit.HOUR.of(duration.toHours(), locale)
                    + (duration.toMinutesPart() > 0 ? " " + Unit.MINUTE.of(duration.toMinutesPart(), locale) : "");
        }
        return duration.toMinutes() > 0 ? Unit.MINUTE.of(duration.toMinutes(), locale)
                : german(locale) ? "unter einer Minute" : "under a minute";
    }

    private static boolean german(Locale locale) {
        return locale != null && "de".equals(locale.getLanguage());
    }
}
