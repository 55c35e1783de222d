package com.onboarding.shipped;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

/**
 * What a reader of one language sees, taken from the sources the jar is built from (the Camunda Forms under forms/,
 * the application's messages, Tasklist's locale): a walk that finds a German label on screen proves that the German
 * form was deployed and chosen, not merely that some form opened.
 */
enum Texts {

    ENGLISH("en-US", "en", "forms/", "messages.properties", "English", "Standard user", "Administrator",
            "Field must be a valid email."),
    // form-js says it in English only; Tasklist's scripts/form-messages.js in German.
    GERMAN("de-DE", "de", "forms/de/", "messages_de.properties", "Deutsch", "Standardbenutzer", "Administrator",
            "Geben Sie eine gültige E-Mail-Adresse ein.");

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The browser's language (Accept-Language and navigator.languages). */
    final String browserLanguage;
    /** The invitee's language, as the invitation form and the API take it. */
    final String code;
    /** The names Tasklist's choices show for the invitee's language and two roles (reference data, V10). */
    final String languageName;
    final String standardRole;
    final String administratorRole;
    /** What the form says in the browser about an address that is none. */
    final String invalidEmail;
    private final String formFolder;
    private final Properties messages = new Properties();
    private final JsonNode tasklist;

    Texts(String browserLanguage, String code, String formFolder, String messages, String languageName,
            String standardRole, String administratorRole, String invalidEmail) {
        this.browserLanguage = browserLanguage;
        this.code = code;
        this.languageName = languageName;
        this.standardRole = standardRole;
        this.administratorRole = administratorRole;
        this.invalidEmail = invalidEmail;
        this.formFolder = formFolder;
        try (Reader reader = Files.newBufferedReader(Path.of("src/main/resources", messages), StandardCharsets.UTF_8)) {
            this.messages.load(reader);
            // Tasklist's locales as the jar serves them (copies of Camunda's with the product's labels).
            this.tasklist = new ObjectMapper().readTree(Path.of("src/main/resources/META-INF/resources/webjars/camunda"
                    + "/app/tasklist/locales", code + ".json").toFile()).get("labels");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The other language. */
    Texts other() {
        return this == ENGLISH ? GERMAN : ENGLISH;
    }

    /** A message of the application's pages. */
    String message(String key) {
        String text = messages.getProperty(key);
        if (text == null) {
            throw new IllegalArgumentException("No message " + key + " in " + this);
        }
        return text;
    }

    /** A message with its arguments, as the application formats it. */
    String message(String key, Object... arguments) {
        return java.text.MessageFormat.format(message(key), arguments);
    }

    /** A label of Tasklist's own screens (its locale file), e.g. COMPLETE or "Claim". */
    String tasklist(String key) {
        JsonNode label = tasklist.get(key);
        if (label == null) {
            throw new IllegalArgumentException("No Tasklist label " + key + " in " + this);
        }
        return label.asText();
    }

    /** The heading of a task's form in this language (its first line, "## …"). */
    String formHeading(String form) {
        String text = form(form).get("components").get(0).get("text").asText();
        return text.lines().findFirst().orElseThrow().replaceFirst("^#+\\s*", "");
    }

    /** The label of a form field (e.g. "Vorname" of firstName). */
    String fieldLabel(String form, String key) {
        return component(form, key).get("label").asText();
    }

    /** The label of a radio option of a form, found by its value (e.g. "approve"). */
    String option(String form, String key, String value) {
        for (JsonNode option : component(form, key).get("values")) {
            if (option.get("value").asText().equals(value)) {
                return option.get("label").asText();
            }
        }
        throw new IllegalArgumentException("No option " + value + " of " + key + " in " + formFolder + form);
    }

    private JsonNode component(String form, String key) {
        for (JsonNode component : form(form).get("components")) {
            if (key.equals(component.path("key").asText())) {
                return component;
            }
        }
        throw new IllegalArgumentException("No field " + key + " in " + formFolder + form);
    }

    private JsonNode form(String form) {
        try {
            return JSON.readTree(Path.of(formFolder + form + ".form").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
