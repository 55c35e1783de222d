package com.onboarding.links;

/**
 * The link is unknown, used, cancelled or expired. Deliberately one exception (and one page) for all cases,
 * so that a visitor learns nothing about which case it is or whether an address exists.
 */
public class LinkNotUsableException extends RuntimeException {

    public LinkNotUsableException() {
        super("This link is no longer valid");
    }
}
