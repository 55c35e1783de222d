package com.onboarding.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reminders' arithmetic, without Spring or an engine. */
class ReminderScheduleTest {

    static final Instant LINK_END = Instant.parse("2026-12-26T09:00:00Z");
    static final List<Duration> WEEK_AND_DAY = List.of(Duration.ofDays(1), Duration.ofDays(7));

    @Test
    void theNextReminderAhead_inTimeOrderWhateverTheSettingsOrder() {
        assertThat(ReminderSchedule.next(WEEK_AND_DAY, LINK_END, LINK_END.minus(Duration.ofDays(21))))
                .contains(LINK_END.minus(Duration.ofDays(7)));
        assertThat(ReminderSchedule.next(WEEK_AND_DAY, LINK_END, LINK_END.minus(Duration.ofDays(3))))
                .contains(LINK_END.minus(Duration.ofDays(1)));
    }

    @Test
    void aReminderAtThisInstant_isBehind_soAFiredTimerIsNotPlannedAgain() {
        assertThat(ReminderSchedule.next(WEEK_AND_DAY, LINK_END, LINK_END.minus(Duration.ofDays(7))))
                .contains(LINK_END.minus(Duration.ofDays(1)));
        assertThat(ReminderSchedule.next(WEEK_AND_DAY, LINK_END, LINK_END.minus(Duration.ofDays(1)))).isEmpty();
    }

    @Test
    void noneLeft_noneConfigured_orLongerThanTheLinksValidity() {
        assertThat(ReminderSchedule.next(WEEK_AND_DAY, LINK_END, LINK_END.plusSeconds(1))).isEmpty();
        assertThat(ReminderSchedule.next(List.of(), LINK_END, LINK_END.minus(Duration.ofDays(21)))).isEmpty();
        Instant invitedTwoDaysBeforeTheEnd = LINK_END.minus(Duration.ofDays(2));
        assertThat(ReminderSchedule.next(List.of(Duration.ofDays(3)), LINK_END, invitedTwoDaysBeforeTheEnd)).isEmpty();
    }
}
