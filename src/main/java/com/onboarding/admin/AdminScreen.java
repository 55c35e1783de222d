package com.onboarding.admin;

/** Marks the controllers of the admin screens, which share the menu and the refusal page (AdminPageAdvice). */
public interface AdminScreen {
}
