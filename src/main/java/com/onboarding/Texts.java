package com.onboarding;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * A sentence for people from messages*.properties, in the language of the current request (the page's language;
 * outside a request, the JVM's). The one way Java code words what the screens show.
 */
@Component
public class Texts {

    private final MessageSource messages;

    public Texts(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String key, Object... args) {
        return of(LocaleContextHolder.getLocale(), key, args);
    }

    /** The sentence, or the fallback where messages*.properties has none for the key. */
    public String orElse(String key, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, LocaleContextHolder.getLocale());
    }

    /** The sentence in a given language, or the fallback where messages*.properties has none for the key. */
    public String orElse(Locale locale, String key, String fallback, Object... args) {
        return messages.getMessage(key, args, fallback, locale);
    }

    /** The sentence in a given language: a mail's recipient's, or each language of a Tasklist form. */
    public String of(Locale locale, String key, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
