package com.onboarding.security;

/** The two kinds of people who sign in. */
public final class Roles {

    /** A Camunda user: administers users (within their scope) and uses Tasklist and Cockpit. */
    public static final String ADMIN = "ADMIN";
    /** A registered user of the business application: sees and manages their own account. */
    public static final String USER = "USER";

    private Roles() {
    }
}
