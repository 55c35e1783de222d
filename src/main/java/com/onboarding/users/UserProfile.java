package com.onboarding.users;

/** The personal data a user consists of: entered by the admin, checked and adjusted by the invitee. */
public record UserProfile(String email, String firstName, String lastName, Language language) {
}
