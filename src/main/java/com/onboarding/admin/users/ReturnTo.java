package com.onboarding.admin.users;

/**
 * Where an action returns: the Users screen, a user's page or a client's tab, with the list's own filters, order and
 * page (UserSearch#at); anything else, another site included, is the Users screen (no open redirect).
 */
public final class ReturnTo {

    private ReturnTo() {
    }

    public static String safe(String returnTo) {
        return returnTo != null && returnTo.matches("^/(users|clients)(/[0-9]+)?(\\?[A-Za-z0-9._~%&=-]*)?$")
                ? returnTo : "/users";
    }
}
