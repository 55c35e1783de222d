package com.onboarding.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * A refusal written where no page template can run: before the application's filters (a body over the size limit)
 * or before the application at all (what Tomcat refuses alone, {@link ContainerErrorPages}). Problem details under
 * /api, else the markup of templates/error/page.html (Thymeleaf's pages need a request the application handles);
 * in the reader's language, with the security headers every answer has.
 */
@Component
public class PlainErrorPage {

    private final MessageSource messages;
    private final ObjectProvider<LocaleResolver> locales;
    private final Problems problems;

    // The locale resolver reads accounts (the engine's users): looked up when the first refusal is written, since
    // this serves the web server's own set-up, which comes before the engine.
    PlainErrorPage(MessageSource messages, ObjectProvider<LocaleResolver> locales, Problems problems) {
        this.messages = messages;
        this.locales = locales;
        this.problems = problems;
    }

    /** Writes the refusal; {@code detail} (a message key and its arguments) replaces the status's own sentence. */
    public void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detailKey,
            Object... arguments) throws IOException {
        Locale locale = locale(request);
        String body = detailKey == null ? body(status, locale)
                : messages.getMessage(detailKey, arguments, locale);
        boolean api = Problems.isApi(request.getRequestURI());
        SecurityHeaders.write(response, api);
        if (api) {
            problems.write(response, problems.of(status, body, null));
            return;
        }
        String title = title(status, locale);
        String page = "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>" + html(title)
                + " · Onboarding</title>\n<link rel=\"stylesheet\" href=\"/css/onboarding.css\">\n</head>\n<body>\n"
                + "<main class=\"card\">\n<h1>" + html(title) + "</h1>\n<p>" + html(body) + "</p>\n<p><a href=\"/\">"
                + html(messages.getMessage("error.home", null, locale)) + "</a></p>\n</main>\n</body>\n</html>\n";
        response.setStatus(status.value());
        response.setContentType("text/html;charset=UTF-8");
        byte[] bytes = page.getBytes(StandardCharsets.UTF_8);
        response.setContentLength(bytes.length);
        try (OutputStream out = response.getOutputStream()) {
            out.write(bytes);
        }
    }

    private Locale locale(HttpServletRequest request) {
        try {
            return locales.getObject().resolveLocale(request);
        } catch (RuntimeException unreadable) {
            return Locale.ENGLISH; // headers that could not be parsed are among the reasons for being here
        }
    }

    /** The heading of an error's page: error.400.title, falling back to error.4xx.title. */
    String title(HttpStatus status, Locale locale) {
        return message(status, "title", locale);
    }

    /** The sentence of an error's page: error.400.body, falling back to error.4xx.body. */
    String body(HttpStatus status, Locale locale) {
        return message(status, "body", locale);
    }

    private String message(HttpStatus status, String part, Locale locale) {
        String group = status.is4xxClientError() ? "4xx" : "5xx";
        String fallback = messages.getMessage("error." + group + "." + part, null, locale);
        return messages.getMessage("error." + status.value() + "." + part, null, fallback, locale);
    }

    private static String html(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
