package com.onboarding.reliability;

import com.onboarding.support.AppNode;
import com.onboarding.support.Http;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What admins and invitees do, over HTTP, against one node: each call returns how it was answered, and the
 * counts of answers are kept for the summary. An answer that is neither success, a clear refusal (4xx) nor
 * "unavailable, retry" (503) is a defect.
 */
final class Traffic {

    enum Answer {
        /** 2xx, or the registration's redirect to "done". */
        OK,
        /** A clear refusal: 4xx (409 for a conflict, 404 for a dead link, 400 for bad input). */
        REFUSED,
        /** 503 with Retry-After: the database was away; nothing was kept. */
        UNAVAILABLE,
        /** No answer at all: the connection broke (the node died). Nothing was promised. */
        NO_ANSWER,
        /** Anything else (500, a 503 without Retry-After, an engine error's text): a defect. */
        FAILED
    }

    /** An answer and, for a new invitation, the ids it names. */
    record Result(Answer answer, int status, String body, long invitationId, long userId) {
    }

    static final String PASSWORD = "Tide-Pool-2024!";
    private static final Pattern IDS = Pattern.compile("\"invitationId\"\\s*:\\s*(\\d+).*\"userId\"\\s*:\\s*(\\d+)");

    final Map<Answer, AtomicLong> answers = new ConcurrentHashMap<>();
    final Map<String, String> failures = new ConcurrentHashMap<>();
    final long clientId;

    Traffic(long clientId) {
        this.clientId = clientId;
    }

    Result invite(AppNode node, String email) {
        return invite(node, AppNode.ADMIN, AppNode.ADMIN_PASSWORD, email);
    }

    Result invite(AppNode node, String admin, String password, String email) {
        return call("invite", () -> {
            Http.Response response = Http.basic(node.port, admin, password).json("POST", "/api/invitations",
                    "{\"email\":\"" + email + "\",\"firstName\":\"Rita\",\"lastName\":\"Lopez\",\"language\":\"en\","
                            + "\"role\":\"STANDARD\",\"permissions\":[],\"clients\":[" + clientId + "]}");
            Matcher ids = IDS.matcher(response.body());
            boolean named = response.status() == 201 && ids.find();
            return new Result(answer(response), response.status(), response.body(),
                    named ? Long.parseLong(ids.group(1)) : 0, named ? Long.parseLong(ids.group(2)) : 0);
        });
    }

    Result resend(AppNode node, long userId) {
        return call("resend", () -> result(Http.basic(node.port, AppNode.ADMIN, AppNode.ADMIN_PASSWORD)
                .json("POST", "/api/users/" + userId + "/resend-invitation", "")));
    }

    Result cancel(AppNode node, long userId) {
        return call("cancel", () -> result(Http.basic(node.port, AppNode.ADMIN, AppNode.ADMIN_PASSWORD)
                .json("POST", "/api/users/" + userId + "/cancel-invitation", "")));
    }

    /** An invitee's visit: the page of their link, then its form submitted once. */
    Result register(AppNode node, String token) {
        return call("register", () -> {
            Http invitee = Http.anonymous(node.port);
            Http.Response page = invitee.get("/register?token=" + token);
            if (page.status() != 200) {
                return result(page);
            }
            return submitted(invitee.formWithToken("/register", registration(token), Http.csrfToken(page.body())));
        });
    }

    /** The invitee's page, opened once; its form can then be submitted (twice, for a double click). */
    Http openRegistration(AppNode node, String token, String[] csrf) {
        Http invitee = Http.anonymous(node.port);
        csrf[0] = Http.csrfToken(invitee.get("/register?token=" + token).body());
        return invitee;
    }

    Result submitRegistration(Http invitee, String token, String csrf) {
        return call("register", () -> submitted(invitee.formWithToken("/register", registration(token), csrf)));
    }

    private static Map<String, String> registration(String token) {
        return Map.of("token", token, "firstName", "Rita", "lastName", "Lopez", "language", "en",
                "password", PASSWORD, "passwordConfirmation", PASSWORD);
    }

    private static Result submitted(Http.Response response) {
        String location = response.header("Location");
        if (response.status() == 302 && location != null && location.endsWith("/register/done")) {
            return new Result(Answer.OK, 302, "", 0, 0);
        }
        return result(response);
    }

    private static Result result(Http.Response response) {
        return new Result(answer(response), response.status(), response.body(), 0, 0);
    }

    private static Answer answer(Http.Response response) {
        int status = response.status();
        if (status >= 200 && status < 300) {
            return Answer.OK;
        }
        if (status == 503 && response.header("Retry-After") != null) {
            return Answer.UNAVAILABLE;
        }
        if (status >= 400 && status < 500 && !looksLikeAnEngineError(response.body())) {
            return Answer.REFUSED;
        }
        return Answer.FAILED;
    }

    /** The engine's own error text reaching a person (an id like ENGINE-03005, an exception's class name). */
    static boolean looksLikeAnEngineError(String body) {
        if (body == null) {
            return false;
        }
        // The engine REST API names its own refusals {"type":"RestException" | "InvalidRequestException", ...}
        // around the sentence Tasklist shows; that type is its format, not a leak.
        String text = body.replaceAll("\"type\":\"(RestException|InvalidRequestException)\"", "");
        return text.contains("ENGINE-") || text.contains("Exception") || text.contains("at org.")
                || text.contains("SPIN/");
    }

    private interface Call {
        Result run();
    }

    private Result call(String what, Call call) {
        Result result;
        try {
            result = call.run();
        } catch (IllegalStateException connectionBroke) {
            result = new Result(Answer.NO_ANSWER, 0, String.valueOf(connectionBroke.getMessage()), 0, 0);
        }
        answers.computeIfAbsent(result.answer(), a -> new AtomicLong()).incrementAndGet();
        if (result.answer() == Answer.FAILED) {
            failures.putIfAbsent(what + " " + result.status(), abbreviate(result.body()));
        }
        return result;
    }

    long count(Answer answer) {
        AtomicLong count = answers.get(answer);
        return count == null ? 0 : count.get();
    }

    long total() {
        return answers.values().stream().mapToLong(AtomicLong::get).sum();
    }

    private static String abbreviate(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ");
        return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
    }
}
