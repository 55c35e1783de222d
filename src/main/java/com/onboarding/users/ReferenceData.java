package com.onboarding.users;

import jakarta.persistence.Column;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Roles and permissions: seeded by a migration, identified by a stable code, named for people in English and German
 * ({@link #getName()} speaks the language of the current page; {@link #name(Locale)} that of a mail's recipient). A
 * sensitive one is granted only with a second global admin's approval (four-eyes).
 */
@MappedSuperclass
public abstract class ReferenceData {

    @Id
    private String code;

    @Column(nullable = false)
    private String name;

    @Column(nullable = false)
    private String description;

    @Column(name = "name_de")
    private String nameDe;

    @Column(name = "description_de")
    private String descriptionDe;

    @Column(nullable = false)
    private boolean sensitive;

    public String getCode() {
        return code;
    }

    /** The name in the current page's language. */
    public String getName() {
        return name(LocaleContextHolder.getLocale());
    }

    public String name(Locale locale) {
        return german(locale) && nameDe != null ? nameDe : name;
    }

    /** Every name a person might write for it (a bulk-invitation file may use either language). */
    public List<String> names() {
        return nameDe == null ? List.of(name) : List.of(name, nameDe);
    }

    public String getDescription() {
        return german(LocaleContextHolder.getLocale()) && descriptionDe != null ? descriptionDe : description;
    }

    private static boolean german(Locale locale) {
        return locale != null && "de".equals(locale.getLanguage());
    }

    public boolean isSensitive() {
        return sensitive;
    }

    /** Four-eyes: whether this role or any of these permissions is sensitive, so a second admin has to approve. */
    public static boolean needsApproval(Role role, Collection<Permission> permissions) {
        return (role != null && role.isSensitive()) || permissions.stream().anyMatch(Permission::isSensitive);
    }
}
