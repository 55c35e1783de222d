package com.onboarding.security;

/** The two kinds of people who sign in. */
public final class Roles {

    /** A Camunda user: administers users (within their scope) and uses Tasklist and Cockpit. */
    public static final String ADMIN = "ADMIN";
    /** A registered user of the business application: sees and manages their own account. */
    public static final String USER = "USER";
    /** The Camunda group of process owners: Cockpit, read-only (granted in authority.CamundaGrants), and metrics. */
    public static final String PROCESS_OWNERS = "processowners";

    private Roles() {
    }

    /** The authority of a Camunda group's members (e.g. GROUP_camunda-admin), for routes outside the engine. */
    public static String group(String groupId) {
        return "GROUP_" + groupId;
    }
}
