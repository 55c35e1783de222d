package com.onboarding.language;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onboarding.users.Language;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;

/**
 * A text for a Tasklist form in every language the product speaks, as one JSON process variable
 * ({@code {"en": "…", "de": "…"}}): who reads the task is known only when they open it, so each language's form
 * shows its own entry ({@code {{approvalSummary.de}}}).
 */
public final class EveryLanguage {

    private static final ObjectMapper JSON = new ObjectMapper();

    private EveryLanguage() {
    }

    /** The JSON variable itself. */
    public static SpinJsonNode of(Function<Locale, String> text) {
        try {
            return Spin.JSON(JSON.writeValueAsString(map(text)));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A map of strings is plain JSON", e);
        }
    }

    /** The texts by language code, for a part of a larger JSON variable. */
    public static Map<String, String> map(Function<Locale, String> text) {
        Map<String, String> byLanguage = new LinkedHashMap<>();
        for (Language language : Language.values()) {
            byLanguage.put(language.code(), text.apply(language.locale()));
        }
        return byLanguage;
    }
}
