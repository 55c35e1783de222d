package com.onboarding.users;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** Languages the product speaks (mails and pages). */
public enum Language {
    EN("en", "English"),
    DE("de", "Deutsch");

    private final String code;
    private final String displayName;

    Language(String code, String displayName) {
        this.code = code;
        this.displayName = displayName;
    }

    public String code() {
        return code;
    }

    public String displayName() {
        return displayName;
    }

    public Locale locale() {
        return Locale.forLanguageTag(code);
    }

    public static Optional<Language> fromCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equalsIgnoreCase(code == null ? "" : code.trim())).findFirst();
    }
}
