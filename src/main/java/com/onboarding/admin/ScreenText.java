package com.onboarding.admin;

import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/** A sentence of the admin screens (flash messages), in the language of the page (messages*.properties). */
@Component
public class ScreenText {

    private final MessageSource messages;

    public ScreenText(MessageSource messages) {
        this.messages = messages;
    }

    public String of(String key, Object... args) {
        return messages.getMessage(key, args, LocaleContextHolder.getLocale());
    }
}
