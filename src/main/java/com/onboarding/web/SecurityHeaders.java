package com.onboarding.web;

import jakarta.servlet.http.HttpServletResponse;

/**
 * The security headers of the application's answers. Spring Security writes them (security.SecurityConfig) on
 * everything that reaches the application; {@link ContainerErrorPages} writes the same on what Tomcat answers alone.
 */
public final class SecurityHeaders {

    /**
     * The application's pages load scripts, styles and images from this service only and run no inline script. The
     * Camunda webapps send their own policy (they need inline code).
     */
    public static final String PAGE_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'self'";

    private SecurityHeaders() {
    }

    /** What Spring Security's defaults write, with the page policy on pages (frames: same origin) and none on /api. */
    static void write(HttpServletResponse response, boolean api) {
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-XSS-Protection", "0");
        response.setHeader("Cache-Control", "no-cache, no-store, max-age=0, must-revalidate");
        response.setHeader("Pragma", "no-cache");
        response.setHeader("Expires", "0");
        if (api) {
            response.setHeader("X-Frame-Options", "DENY");
        } else {
            response.setHeader("X-Frame-Options", "SAMEORIGIN");
            response.setHeader("Referrer-Policy", "no-referrer");
            response.setHeader("Content-Security-Policy", PAGE_POLICY);
        }
    }
}
