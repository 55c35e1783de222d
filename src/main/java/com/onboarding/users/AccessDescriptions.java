package com.onboarding.users;

import com.onboarding.Texts;
import java.util.Collection;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/** A role and permissions in words, in a given language: what approvers and the edit form read. */
@Component
public class AccessDescriptions {

    private final Texts texts;

    public AccessDescriptions(Texts texts) {
        this.texts = texts;
    }

    /** "role Administrator, permissions Approve payments (sensitive), View reports". */
    public String privileges(Role role, Collection<Permission> permissions, Locale locale) {
        return texts.of(locale, "summary.privileges", role.name(locale), permissions(permissions, locale));
    }

    /** The permissions by name, sensitive ones marked, or "none". */
    public String permissions(Collection<Permission> permissions, Locale locale) {
        return permissions.isEmpty() ? texts.of(locale, "summary.none") : permissions.stream()
                .map(p -> p.isSensitive() ? texts.of(locale, "summary.sensitive", p.name(locale)) : p.name(locale))
                .sorted().collect(Collectors.joining(", "));
    }

    public String none(Locale locale) {
        return texts.of(locale, "summary.none");
    }
}
