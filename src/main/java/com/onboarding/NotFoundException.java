package com.onboarding;

/**
 * The user or client does not exist, or lies outside the admin's scope: the same answer for both, so a scoped
 * admin learns nothing about other clients' users.
 */
public class NotFoundException extends RuntimeException {

    private final String what;
    private final transient Object id;

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist.");
        this.what = what;
        this.id = id;
    }

    /** What was looked for ("User", "Client", ...): the screens say it in their language. */
    public String what() {
        return what;
    }

    public Object id() {
        return id;
    }
}
