package com.onboarding.bulk;

/**
 * One person's row of an uploaded file, cells as written; lists (permissions, clients) still in one cell, the link's
 * validity in days (empty: the setting) still text.
 */
public record CsvRow(int number, String email, String firstName, String lastName, String language, String role,
        String permissions, String clients, String linkValidityDays) {
}
