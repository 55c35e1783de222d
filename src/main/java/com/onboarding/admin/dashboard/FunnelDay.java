package com.onboarding.admin.dashboard;

import java.time.LocalDate;

/** One day of the funnel: invitations sent and invitations accepted that day. */
record FunnelDay(LocalDate date, long invited, long accepted) {
}
