package com.onboarding.language;

import com.onboarding.security.Roles;
import com.onboarding.users.Language;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserAccountRepository;
import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.time.Duration;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.http.HttpHeaders;
import org.springframework.http.ResponseCookie;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The language of every page, English or German: the person's explicit choice (the switch in the header, kept in a
 * cookie), else their account setting (a registered user's language; an administrator's last choice, kept in
 * Camunda's user info), else what a page prefers for the person it serves (the invitee's language on the
 * registration page), else the browser's Accept-Language, else English. Mails follow the recipient's language,
 * not this.
 */
@Component("localeResolver")
public class LanguageResolver implements LocaleResolver {

    static final String COOKIE = "onboarding-language";
    /** The admin's choice in Camunda's user info: it follows them to another browser. */
    static final String USER_INFO_KEY = "language";
    private static final String SESSION_ATTRIBUTE = LanguageResolver.class.getName() + ".account";
    private static final String PAGE_PREFERENCE = LanguageResolver.class.getName() + ".page";

    private final UserAccountRepository users;
    private final IdentityService identity;

    public LanguageResolver(UserAccountRepository users, IdentityService identity) {
        this.users = users;
        this.identity = identity;
    }

    /** A page's preference for the person it serves, weaker than their own choice and account setting. */
    public static void preferFor(HttpServletRequest request, Language language) {
        request.setAttribute(PAGE_PREFERENCE, language);
    }

    @Override
    public Locale resolveLocale(HttpServletRequest request) {
        return choice(request)
                .or(() -> account(request))
                .or(() -> Optional.ofNullable((Language) request.getAttribute(PAGE_PREFERENCE)))
                .or(() -> browser(request))
                .orElse(Language.EN).locale();
    }

    @Override
    public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
        Language language = locale == null ? Language.EN : Language.fromCode(locale.getLanguage()).orElse(Language.EN);
        response.addHeader(HttpHeaders.SET_COOKIE, ResponseCookie.from(COOKIE, language.code()).path("/")
                .maxAge(Duration.ofDays(365)).sameSite("Lax").httpOnly(true).secure(request.isSecure()).build()
                .toString());
        request.setAttribute(COOKIE, language);
        String admin = signedInAdmin();
        if (admin != null) {
            identity.setUserInfo(admin, USER_INFO_KEY, language.code());
            HttpSession session = request.getSession(false);
            if (session != null) {
                session.setAttribute(SESSION_ATTRIBUTE, language);
            }
        }
    }

    private static Optional<Language> choice(HttpServletRequest request) {
        if (request.getAttribute(COOKIE) instanceof Language chosen) {
            return Optional.of(chosen);
        }
        Cookie[] cookies = request.getCookies();
        return cookies == null ? Optional.empty() : Arrays.stream(cookies)
                .filter(cookie -> COOKIE.equals(cookie.getName())).findFirst()
                .flatMap(cookie -> Language.fromCode(cookie.getValue()));
    }

    /** Looked up once per session: the registered user's language or the admin's last choice. */
    private Optional<Language> account(HttpServletRequest request) {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        HttpSession session = request.getSession(false);
        if (authentication == null || authentication instanceof AnonymousAuthenticationToken || session == null) {
            return Optional.empty();
        }
        Object cached = session.getAttribute(SESSION_ATTRIBUTE);
        if (cached instanceof Language language) {
            return Optional.of(language);
        }
        Optional<Language> language = isAdmin(authentication)
                ? Language.fromCode(identity.getUserInfo(authentication.getName(), USER_INFO_KEY))
                : users.findByEmailNormalized(UserAccount.normalizeEmail(authentication.getName()))
                        .map(UserAccount::getLanguage);
        language.ifPresent(found -> session.setAttribute(SESSION_ATTRIBUTE, found));
        return language;
    }

    private static Optional<Language> browser(HttpServletRequest request) {
        if (request.getHeader(HttpHeaders.ACCEPT_LANGUAGE) == null) {
            return Optional.empty();
        }
        List<Locale> accepted = Collections.list(request.getLocales());
        return accepted.stream().map(locale -> Language.fromCode(locale.getLanguage())).flatMap(Optional::stream)
                .findFirst();
    }

    private static String signedInAdmin() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        return authentication != null && isAdmin(authentication) ? authentication.getName() : null;
    }

    private static boolean isAdmin(Authentication authentication) {
        return authentication.getAuthorities().stream()
                .anyMatch(authority -> ("ROLE_" + Roles.ADMIN).equals(authority.getAuthority()));
    }
}
