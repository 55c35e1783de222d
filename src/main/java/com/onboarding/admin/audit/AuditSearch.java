package com.onboarding.admin.audit;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditTrail;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.format.annotation.DateTimeFormat.ISO;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * One view of the audit screen: who acted (part of their name), about whom (part of a user's email, or an
 * administrator's id), which action, from and to which day (both included, in the screens' zone), and the page. The
 * screen, its export and the API bind the same parameters: ?actor=&subject=&action=&from=2026-12-01&to=&page=.
 */
public record AuditSearch(String actor, String subject, AuditAction action,
        @DateTimeFormat(iso = ISO.DATE) LocalDate from, @DateTimeFormat(iso = ISO.DATE) LocalDate to, Integer page) {

    public AuditSearch {
        actor = blankIsNull(actor);
        subject = blankIsNull(subject);
        page = page == null ? 0 : Math.max(page, 0); // absent from the address: the first
    }

    public AuditSearch atPage(int other) {
        return new AuditSearch(actor, subject, action, from, to, other);
    }

    /** The audit log's filter: the days as instants in the screens' zone, the last day up to its end. */
    AuditTrail.Filter filter(ZoneId zone) {
        return new AuditTrail.Filter(actor, subject, action,
                from == null ? null : from.atStartOfDay(zone).toInstant(),
                to == null ? null : to.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** This view's address under {@code path} (the screen, its export), strictly encoded. */
    public String at(String path) {
        UriComponentsBuilder address = UriComponentsBuilder.fromPath(path);
        List<Object> values = new ArrayList<>();
        if (actor != null) {
            address.queryParam("actor", "{actor}");
            values.add(actor);
        }
        if (subject != null) {
            address.queryParam("subject", "{subject}");
            values.add(subject);
        }
        if (action != null) {
            address.queryParam("action", action.name());
        }
        if (from != null) {
            address.queryParam("from", from);
        }
        if (to != null) {
            address.queryParam("to", to);
        }
        if (page > 0) {
            address.queryParam("page", page);
        }
        return address.encode().buildAndExpand(values.toArray()).toUriString();
    }

    public boolean filtered() {
        return actor != null || subject != null || action != null || from != null || to != null;
    }

    private static String blankIsNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
