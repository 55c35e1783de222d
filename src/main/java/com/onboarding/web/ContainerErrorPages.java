package com.onboarding.web;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.Host;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.util.HtmlUtils;

/**
 * The errors Tomcat answers itself, before a request reaches the application (a URL that does not decode, such as
 * {@code /users/%ff} or {@code /users/..%2f..}, a NUL in the path, a request line or headers over the size limit):
 * Tomcat's own unbranded "HTTP Status 400" page in English, without the product's security headers, also on /api.
 * This replaces the host's error report: the product's error page in the reader's language, or problem details under
 * /api, with the headers every page has. Errors the application answered itself (its {@link ErrorPages}) are left as
 * they are.
 */
@Component
class ContainerErrorPages implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

    private final MessageSource messages;
    private final LocaleResolver locales;
    private final Problems problems;

    ContainerErrorPages(MessageSource messages, LocaleResolver locales, Problems problems) {
        this.messages = messages;
        this.locales = locales;
        this.problems = problems;
    }

    @Override
    public void customize(TomcatServletWebServerFactory factory) {
        factory.addContextCustomizers(context -> {
            Host host = (Host) context.getParent();
            Report report = new Report(this);
            host.getPipeline().addValve(report);
            // The host adds its default report unless one of this class is there already.
            ((StandardHost) host).setErrorReportValveClass(Report.class.getName());
        });
    }

    /** Problem details for a status, the sentence in the request's language. */
    void writeProblem(HttpStatus status, Request request, Response response) throws IOException {
        problems.write(response, problems.of(status, message(status, "body", locale(request)), null));
    }

    /** The error page for a status, in the request's language. */
    String page(HttpStatus status, Request request) {
        Locale locale = locale(request);
        String title = message(status, "title", locale);
        String body = message(status, "body", locale);
        // The markup of templates/error/page.html; Thymeleaf needs the application's request, which never began.
        return "<!DOCTYPE html>\n<html lang=\"" + locale.getLanguage() + "\">\n<head>\n<meta charset=\"UTF-8\">\n"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n<title>"
                + HtmlUtils.htmlEscape(title, "UTF-8") + " · Onboarding</title>\n"
                + "<link rel=\"stylesheet\" href=\"/css/onboarding.css\">\n</head>\n<body>\n<main class=\"card\">\n<h1>"
                + HtmlUtils.htmlEscape(title, "UTF-8") + "</h1>\n<p>" + HtmlUtils.htmlEscape(body, "UTF-8")
                + "</p>\n<p><a href=\"/\">"
                + HtmlUtils.htmlEscape(messages.getMessage("error.home", null, locale), "UTF-8") + "</a></p>\n</main>\n"
                + "</body>\n</html>\n";
    }

    private Locale locale(Request request) {
        try {
            return locales.resolveLocale(request);
        } catch (RuntimeException unreadable) {
            return Locale.ENGLISH; // headers that could not be parsed are among the reasons for being here
        }
    }

    /** error.400.title, falling back to error.4xx.title (as {@link ErrorPages}). */
    private String message(HttpStatus status, String part, Locale locale) {
        String group = status.is4xxClientError() ? "4xx" : "5xx";
        String fallback = messages.getMessage("error." + group + "." + part, null, locale);
        return messages.getMessage("error." + status.value() + "." + part, null, fallback, locale);
    }

    /** Tomcat's error report valve, writing the product's page. */
    static final class Report extends ErrorReportValve {

        private final ContainerErrorPages pages;

        Report(ContainerErrorPages pages) {
            this.pages = pages;
        }

        @Override
        protected void report(Request request, Response response, Throwable throwable) {
            int code = response.getStatus();
            // As Tomcat's own: nothing for a success or a redirect, nor when the response has a body already.
            if (code < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
                return;
            }
            AtomicBoolean ioAllowed = new AtomicBoolean(false);
            response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
            if (!ioAllowed.get()) {
                return;
            }
            HttpStatus status = HttpStatus.resolve(code);
            if (status == null) {
                status = code < 500 ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
            }
            boolean api = Problems.isApi(request.getRequestURI());
            try {
                response.resetBuffer();
                SecurityHeaders.write(response, api);
                if (api) {
                    pages.writeProblem(status, request, response);
                } else {
                    response.setContentType("text/html");
                    response.setCharacterEncoding("UTF-8");
                    Writer writer = response.getReporter();
                    if (writer != null) {
                        writer.write(pages.page(status, request));
                    }
                }
                response.finishResponse();
            } catch (IOException | IllegalStateException e) {
                // The client went away, or the response was committed meanwhile: nothing left to tell.
            }
        }
    }
}
