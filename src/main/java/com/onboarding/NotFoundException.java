package com.onboarding;

/**
 * The user or client does not exist, or lies outside the admin's scope: the same answer for both, so a scoped
 * admin learns nothing about other clients' users.
 */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, Object id) {
        super(what + " " + id + " does not exist.");
    }
}
