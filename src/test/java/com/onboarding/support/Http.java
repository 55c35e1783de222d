package com.onboarding.support;

import java.io.IOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A caller of the running application over real HTTP, as an attacker or a person would call it: with HTTP Basic
 * credentials, or with a session from the sign-in form (cookies kept, CSRF tokens of the pages and of the Camunda
 * webapps sent along). No redirects are followed, so that tests see them.
 */
public final class Http {

    /** A response: status, body, headers. */
    public record Response(int status, String body, java.net.http.HttpHeaders headers) {

        public String header(String name) {
            return headers.firstValue(name).orElse(null);
        }
    }

    private static final Pattern CSRF_FIELD = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final String baseUrl;
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client;
    private String basic;
    private String language = "en";

    private Http(String baseUrl) {
        this.baseUrl = baseUrl;
        this.client = HttpClient.newBuilder().cookieHandler(cookies).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    public static Http anonymous(int port) {
        return new Http("http://localhost:" + port);
    }

    public static Http basic(int port, String user, String password) {
        Http http = new Http("http://localhost:" + port);
        http.basic = "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8));
        return http;
    }

    /** Signs in through the sign-in page; the session then covers the screens, Tasklist and Cockpit. */
    public static Http session(int port, String user, String password) {
        Http http = new Http("http://localhost:" + port);
        Response result = http.form("/login", Map.of("username", user, "password", password));
        if (result.header("Location") == null || result.header("Location").contains("error")) {
            throw new AssertionError("Sign-in of " + user + " failed: " + result.status() + " " + result.header("Location"));
        }
        return http;
    }

    /** The caller's Accept-Language from now on (English unless said). */
    public Http inLanguage(String acceptLanguage) {
        this.language = acceptLanguage;
        return this;
    }

    public Response get(String path) {
        return send(request(path).GET());
    }

    public Response put(String path) {
        return send(request(path).PUT(HttpRequest.BodyPublishers.noBody()));
    }

    public Response delete(String path) {
        return send(request(path).DELETE());
    }

    public Response json(String method, String path, String body) {
        return send(request(path).header("Content-Type", "application/json")
                .method(method, HttpRequest.BodyPublishers.ofString(body)));
    }

    public Response post(String path, String contentType, String body) {
        return send(request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /** Submits a form of the application's pages, with the CSRF token of the page at {@code path}. */
    public Response form(String path, Map<String, String> fields) {
        return formWithToken(path, fields, csrfToken(get(path).body()));
    }

    /** The CSRF token of a page's form ("": the page has none). */
    public static String csrfToken(String page) {
        Matcher csrf = CSRF_FIELD.matcher(page);
        return csrf.find() ? csrf.group(1) : "";
    }

    /** Submits a form with the given CSRF token (empty: none). */
    public Response formWithToken(String path, Map<String, String> fields, String csrfToken) {
        String body = fields.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        if (!csrfToken.isEmpty()) {
            body += "&_csrf=" + encode(csrfToken);
        }
        return post(path, "application/x-www-form-urlencoded", body);
    }

    /**
     * A Camunda webapp API call with the webapps' CSRF header. The first call opens Tasklist's page, which makes the
     * session's sign-in known to the webapps and brings the CSRF token.
     */
    public Response webapp(String method, String path, String body) {
        if (xsrfToken() == null) {
            get("/camunda/app/tasklist/default/");
        }
        HttpRequest.Builder request = request(path).header("X-XSRF-TOKEN", String.valueOf(xsrfToken()));
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        return send(request.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)));
    }

    private String xsrfToken() {
        return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
                .map(HttpCookie::getValue).findFirst().orElse(null);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Accept-Language", language);
        if (basic != null) {
            builder.header("Authorization", basic);
        }
        return builder;
    }

    private Response send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Response(response.statusCode(), response.body(), response.headers());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
