package com.onboarding.reliability;

import com.onboarding.support.AppNode;
import com.onboarding.support.Http;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The catalogue of hostile and malformed inputs: each is one request that a careless or malicious caller could send,
 * through the JSON API, the admin screens' forms, Tasklist's form submission (the engine's REST API, as Tasklist
 * calls it) and the invitee's registration and password-reset pages. Every one must be refused with a clear 4xx and
 * change nothing.
 */
final class HostileInputs {

    /** One hostile request. */
    record Input(String name, Supplier<Http.Response> send) {
    }

    private final int port;
    private final long clientId;
    private final long existingUserId;
    private final String existingEmail;
    private final String liveToken;
    private final List<Input> inputs = new ArrayList<>();

    HostileInputs(int port, long clientId, long existingUserId, String existingEmail, String liveToken) {
        this.port = port;
        this.clientId = clientId;
        this.existingUserId = existingUserId;
        this.existingEmail = existingEmail;
        this.liveToken = liveToken;
    }

    List<Input> all() {
        api();
        adminForms();
        tasklist();
        invitee();
        return inputs;
    }

    private void api() {
        Map<String, String> bodies = new LinkedHashMap<>();
        bodies.put("empty body", "");
        bodies.put("null", "null");
        bodies.put("an array", "[]");
        bodies.put("truncated JSON", "{\"email\":\"a@example.com\"");
        bodies.put("not JSON", "email=a@example.com");
        bodies.put("email is a number", invitation("42", name("Anna"), name("Berg"), "\"en\"", "\"STANDARD\"", "[]", clients()));
        bodies.put("clients is a string", invitation(email(), name("Anna"), name("Berg"), "\"en\"", "\"STANDARD\"", "[]", "\"abc\""));
        bodies.put("client id is text", invitation(email(), name("Anna"), name("Berg"), "\"en\"", "\"STANDARD\"", "[]", "[\"abc\"]"));
        bodies.put("unknown client", invitation(email(), name("Anna"), name("Berg"), "\"en\"", "\"STANDARD\"", "[]", "[99999999]"));
        bodies.put("no client", invitation(email(), name("Anna"), name("Berg"), "\"en\"", "\"STANDARD\"", "[]", "[]"));
        bodies.put("client id overflows", invitation(email(), name("Anna"), name("Berg"), "\"en\"", "\"STANDARD\"", "[]", "[99999999999999999999999]"));
        bodies.put("client id 1e400", invitation(email(), name("Anna"), name("Berg"), "\"en\"", "\"STANDARD\"", "[]", "[1e400]"));
        bodies.put("negative client id", invitation(email(), name("Anna"), name("Berg"), "\"en\"", "\"STANDARD\"", "[]", "[-1]"));
        bodies.put("unknown role", invitation(email(), name("Anna"), name("Berg"), "\"en\"", "\"ROOT\"", "[]", clients()));
        bodies.put("empty role", invitation(email(), name("Anna"), name("Berg"), "\"en\"", "\"\"", "[]", clients()));
        bodies.put("role is an object", invitation(email(), name("Anna"), name("Berg"), "\"en\"", "{\"code\":\"ADMIN\"}", "[]", clients()));
        bodies.put("unknown permission", invitation(email(), name("Anna"), name("Berg"), "\"en\"", "\"STANDARD\"", "[\"NOPE\"]", clients()));
        bodies.put("permissions is a string", invitation(email(), name("Anna"), name("Berg"), "\"en\"", "\"STANDARD\"", "\"VIEW_REPORTS\"", clients()));
        bodies.put("unknown language", invitation(email(), name("Anna"), name("Berg"), "\"xx\"", "\"STANDARD\"", "[]", clients()));
        bodies.put("language with SQL", invitation(email(), name("Anna"), name("Berg"), "\"en'--\"", "\"STANDARD\"", "[]", clients()));
        bodies.put("no email", invitation(null, name("Anna"), name("Berg"), "\"en\"", "\"STANDARD\"", "[]", clients()));
        for (String[] email : new String[][] {{"empty email", ""}, {"blank email", "   "}, {"no @", "no-at-sign"},
                {"nothing after @", "a@"}, {"nothing before @", "@example.com"}, {"two @", "a@@example.com"},
                {"space in local part", "a b@example.com"}, {"space in domain", "a@exa mple.com"},
                {"header injection in email", "a@example.com\r\nBcc: evil@example.com"},
                {"non-ASCII local part", "jösé@example.com"}, {"email of 260 characters", "a".repeat(250) + "@ex.com"},
                {"script as email", "<script>@example.com"}, {"domain starting with a hyphen", "a@-example.com"},
                {"NUL in email", "a\u0000b@example.com"}, {"an existing user's address", existingEmail},
                {"an existing user's address in capitals", existingEmail.toUpperCase()}}) {
            bodies.put(email[0], invitation(quote(email[1]), name("Anna"), name("Berg"), "\"en\"", "\"STANDARD\"", "[]", clients()));
        }
        for (String[] first : new String[][] {{"empty first name", ""}, {"first name of 101 characters", "A".repeat(101)},
                {"CR/LF in first name", "Anna\r\nBcc: evil@example.com"}, {"NUL in first name", "Anna\u0000"},
                {"escape sequence in first name", "\u001b[31mAnna"}, {"tab in first name", "Anna\tBerg"},
                {"line separator in first name", "Anna\u2028Berg"}}) {
            bodies.put(first[0], invitation(email(), quote(first[1]), name("Berg"), "\"en\"", "\"STANDARD\"", "[]", clients()));
        }
        bodies.put("no first name", invitation(email(), null, name("Berg"), "\"en\"", "\"STANDARD\"", "[]", clients()));
        bodies.put("line break in last name", invitation(email(), name("Anna"), quote("Berg\nEvil"), "\"en\"", "\"STANDARD\"", "[]", clients()));
        bodies.put("last name of 1,000 characters", invitation(email(), name("Anna"), quote("B".repeat(1000)), "\"en\"", "\"STANDARD\"", "[]", clients()));
        bodies.put("personal text of 2,001 characters", withText(quote("x".repeat(2001))));
        bodies.put("NUL in personal text", withText(quote("Hello\u0000")));
        bodies.put("escape sequence in personal text", withText(quote("Hello\u001b[2J")));
        bodies.put("JSON nested 5,000 deep", "[".repeat(5000) + "]".repeat(5000));
        bodies.forEach((name, body) -> add("API invite: " + name, () -> admin().json("POST", "/api/invitations", body)));

        String valid = invitation(email(), name("Anna"), name("Berg"), "\"en\"", "\"STANDARD\"", "[]", clients());
        add("API invite: body of 100 KB", () -> admin().json("POST", "/api/invitations",
                valid.replace("\"Anna\"", quote("A".repeat(100_000)))));
        add("API invite: text/plain", () -> admin().post("/api/invitations", "text/plain", valid));
        add("API invite: form-encoded", () -> admin().post("/api/invitations", "application/x-www-form-urlencoded", "email=a%40example.com"));
        add("API invite: XML", () -> admin().post("/api/invitations", "application/xml", "<invitation><email>a@example.com</email></invitation>"));
        add("API invite: no credentials", () -> Http.anonymous(port).json("POST", "/api/invitations", valid));
        add("API invite: unknown user's credentials", () -> Http.basic(port, "nobody", "Wrong-Pass-1!").json("POST", "/api/invitations", valid));

        add("API: user id is text", () -> admin().get("/api/users/abc"));
        add("API: user id overflows", () -> admin().get("/api/users/99999999999999999999"));
        add("API: negative user id", () -> admin().get("/api/users/-5"));
        add("API: resend, id is text", () -> admin().json("POST", "/api/users/abc/resend-invitation", ""));
        add("API: cancel an unknown user", () -> admin().json("POST", "/api/users/0/cancel-invitation", ""));
        add("API: deactivate an unknown user", () -> admin().json("POST", "/api/users/99999999/deactivate", ""));
        add("API: delete, id is text", () -> admin().delete("/api/users/abc"));
        add("API: delete an unknown user", () -> admin().delete("/api/users/99999999"));
        add("API: edit with truncated JSON", () -> admin().json("PUT", "/api/users/" + existingUserId, "{"));
        add("API: edit with CR/LF in the name", () -> admin().json("PUT", "/api/users/" + existingUserId,
                userData(quote("Anna\r\nEvil"), clients())));
        add("API: edit without clients", () -> admin().json("PUT", "/api/users/" + existingUserId,
                userData(name("Anna"), "[]")));
        add("API: edit with an unknown role", () -> admin().json("PUT", "/api/users/" + existingUserId,
                userData(name("Anna"), clients()).replace("STANDARD", "SUPERUSER")));
        add("API: PATCH a user", () -> admin().json("PATCH", "/api/users/" + existingUserId, "{}"));
        add("API: unknown status filter", () -> admin().get("/api/users?status=NOPE"));
        add("API: client without a name", () -> admin().json("POST", "/api/clients", "{\"name\":\"\"}"));
        add("API: client name with CR/LF", () -> admin().json("POST", "/api/clients", "{\"name\":\"Acme\\r\\nEvil\"}"));
        add("API: client name of 201 characters", () -> admin().json("POST", "/api/clients", "{\"name\":\"" + "C".repeat(201) + "\"}"));
        add("API: client name taken", () -> admin().json("POST", "/api/clients", "{\"name\":\"Reliability Ltd\"}"));
        add("API: client name taken, other case", () -> admin().json("POST", "/api/clients", "{\"name\":\"RELIABILITY LTD\"}"));
        add("API: rename client, id is text", () -> admin().json("PUT", "/api/clients/abc", "{\"name\":\"X\"}"));
        add("API: bulk invite without a file", () -> admin().post("/api/invitations/bulk", "multipart/form-data; boundary=xyz", "--xyz--\r\n"));
        add("API: bulk invite with binary junk", () -> admin().post("/api/invitations/bulk", "multipart/form-data; boundary=xyz",
                "--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"x.csv\"\r\nContent-Type: text/csv\r\n\r\n"
                        + "\u0000\u0001\u0002\uFFFD\r\n--xyz--\r\n"));
        add("API: send bulk import, id is text", () -> admin().json("POST", "/api/invitations/bulk/abc/send", ""));
        add("API: send unknown bulk import", () -> admin().json("POST", "/api/invitations/bulk/99999999/send", ""));
    }

    private void adminForms() {
        Map<String, String> valid = new LinkedHashMap<>(Map.of("email", "form-" + System.nanoTime() + "@example.com",
                "firstName", "Ina", "lastName", "Vogel", "language", "en", "role", "STANDARD",
                "clients", String.valueOf(clientId)));
        add("screen invite: no CSRF token", () -> session().formWithToken("/users/invite", valid, ""));
        add("screen invite: wrong CSRF token", () -> session().formWithToken("/users/invite", valid, "forged-token"));
        add("screen invite: expired session", () -> {
            Http stale = Http.anonymous(port);
            return stale.formWithToken("/users/invite", valid, "token-of-a-session-that-ended");
        });
        add("screen invite: invalid email", () -> session().form("/users/invite", with(valid, "email", "not-an-email")));
        add("screen invite: client id is text", () -> session().form("/users/invite", with(valid, "clients", "acme")));
        add("screen invite: CR/LF in first name", () -> session().form("/users/invite", with(valid, "firstName", "Ina\r\nBcc: x@example.com")));
        add("screen invite: no client", () -> {
            Map<String, String> none = new LinkedHashMap<>(valid);
            none.remove("clients");
            return session().form("/users/invite", none);
        });
        add("screen edit: NUL in last name", () -> session().form("/users/" + existingUserId + "/edit",
                Map.of("firstName", "Ina", "lastName", "Vogel\u0000", "language", "en", "role", "STANDARD",
                        "clients", String.valueOf(clientId))));
        add("screen: resend, id is text", () -> session().form("/users/abc/resend", Map.of()));
        add("screen: cancel an unknown user", () -> session().form("/users/99999999/cancel", Map.of()));
        add("screen: delete without CSRF token", () -> session().formWithToken("/users/" + existingUserId + "/delete", Map.of(), ""));
    }

    private void tasklist() {
        String[][] variables = {
                {"invalid email", "{\"email\":{\"value\":\"not-an-email\"}}"},
                {"CR/LF in first name", "{\"firstName\":{\"value\":\"Ina\\r\\nEvil\"}}"},
                {"no client", "{\"clients\":{\"value\":\"[]\",\"type\":\"Json\"}}"},
                {"unknown client", "{\"clients\":{\"value\":\"[\\\"99999999\\\"]\",\"type\":\"Json\"}}"},
                {"unknown role", "{\"role\":{\"value\":\"ROOT\"}}"},
                {"personal text of 3,000 characters", "{\"personalText\":{\"value\":\"" + "x".repeat(3000) + "\"}}"},
                {"email is a number", "{\"email\":{\"value\":42,\"type\":\"Integer\"}}"},
                {"clients is not JSON", "{\"clients\":{\"value\":\"[[[\",\"type\":\"Json\"}}"},
        };
        for (String[] variable : variables) {
            add("Tasklist form: " + variable[0], () -> {
                String task = startInviteUserTask();
                return admin().json("POST", "/engine-rest/task/" + task + "/submit-form",
                        "{\"variables\":" + tasklistValues(variable[1]) + "}");
            });
        }
        add("Tasklist form: without the webapp's CSRF header", () -> {
            String task = startInviteUserTask();
            return session().post("/camunda/api/engine/engine/default/task/" + task + "/submit-form",
                    "application/json", "{\"variables\":" + tasklistValues("{}") + "}");
        });
    }

    private void invitee() {
        for (String[] token : new String[][] {{"empty", ""}, {"3 characters", "abc"}, {"42 characters", "a".repeat(42)},
                {"44 characters", "a".repeat(44)}, {"43 characters, unknown", "A".repeat(43)},
                {"with %00", "abc%00def"}, {"a path", "..%2F..%2Fetc%2Fpasswd"}, {"SQL", "%27%20or%201%3D1--"},
                {"2,000 characters", "a".repeat(2000)}, {"non-ASCII", "%C3%84".repeat(43)}}) {
            add("registration link: " + token[0], () -> Http.anonymous(port).get("/register?token=" + token[1]));
        }
        add("registration: submit without CSRF token", () -> Http.anonymous(port).formWithToken("/register",
                registration(liveToken, "Tide-Pool-2024!", "Tide-Pool-2024!"), ""));
        add("registration: submit with an unknown token", () -> submit(registration("B".repeat(43), "Tide-Pool-2024!", "Tide-Pool-2024!")));
        add("registration: weak password", () -> submit(registration(liveToken, "weak", "weak")));
        add("registration: passwords differ", () -> submit(registration(liveToken, "Tide-Pool-2024!", "Tide-Pool-2025!")));
        add("registration: password of 65 characters", () -> submit(registration(liveToken, "Aa1!" + "x".repeat(61), "Aa1!" + "x".repeat(61))));
        add("registration: NUL in password", () -> submit(registration(liveToken, "Tide-Pool\u00002024!", "Tide-Pool\u00002024!")));
        add("registration: CR/LF in first name", () -> {
            Map<String, String> form = registration(liveToken, "Tide-Pool-2024!", "Tide-Pool-2024!");
            form.put("firstName", "Rita\r\nEvil");
            return submit(form);
        });
        add("registration: unknown language", () -> {
            Map<String, String> form = registration(liveToken, "Tide-Pool-2024!", "Tide-Pool-2024!");
            form.put("language", "xx");
            return submit(form);
        });
        add("password reset link: unknown", () -> Http.anonymous(port).get("/password-reset?token=" + "C".repeat(43)));
        add("password reset link: none", () -> Http.anonymous(port).get("/password-reset"));
        add("password reset link: 3 characters", () -> Http.anonymous(port).get("/password-reset?token=abc"));
        add("password reset: submit without CSRF token", () -> Http.anonymous(port).formWithToken("/password-reset",
                Map.of("token", "C".repeat(43), "password", "Tide-Pool-2024!", "passwordConfirmation", "Tide-Pool-2024!"), ""));
        add("new link request: without CSRF token", () -> Http.anonymous(port).formWithToken("/register/new-link",
                Map.of("email", existingEmail), ""));
    }

    // ------------------------------------------------------------------------------------------------------------

    private void add(String name, Supplier<Http.Response> send) {
        inputs.add(new Input(name, send));
    }

    private Http admin() {
        return Http.basic(port, AppNode.ADMIN, AppNode.ADMIN_PASSWORD);
    }

    private Http session() {
        return Http.session(port, AppNode.ADMIN, AppNode.ADMIN_PASSWORD);
    }

    /** The registration form submitted with the CSRF token of the live link's page (a session of its own). */
    private Http.Response submit(Map<String, String> form) {
        Http invitee = Http.anonymous(port);
        String csrf = Http.csrfToken(invitee.get("/register?token=" + liveToken).body());
        return invitee.formWithToken("/register", form, csrf);
    }

    private static Map<String, String> registration(String token, String password, String confirmation) {
        return new LinkedHashMap<>(Map.of("token", token, "firstName", "Rita", "lastName", "Lopez", "language", "en",
                "password", password, "passwordConfirmation", confirmation));
    }

    private String startInviteUserTask() {
        String started = admin().json("POST", "/engine-rest/process-definition/key/invite-user/start", "{}").body();
        String instance = started.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        String tasks = admin().get("/engine-rest/task?processInstanceId=" + instance).body();
        return tasks.replaceAll("(?s).*?\"id\":\"([^\"]+)\".*", "$1");
    }

    /** A complete, valid form of "Enter user data", with the given variables replacing their valid values. */
    private String tasklistValues(String replacements) {
        Map<String, String> values = new LinkedHashMap<>();
        values.put("email", "{\"value\":\"tasklist-" + System.nanoTime() + "@example.com\"}");
        values.put("firstName", "{\"value\":\"Tasklist\"}");
        values.put("lastName", "{\"value\":\"Person\"}");
        values.put("language", "{\"value\":\"en\"}");
        values.put("role", "{\"value\":\"STANDARD\"}");
        values.put("personalText", "{\"value\":\"Welcome!\"}");
        values.put("permissions", "{\"value\":\"[]\",\"type\":\"Json\"}");
        values.put("clients", "{\"value\":\"[\\\"" + clientId + "\\\"]\",\"type\":\"Json\"}");
        String body = replacements.substring(1, replacements.length() - 1);
        for (String key : values.keySet().toArray(String[]::new)) {
            int at = body.indexOf("\"" + key + "\":");
            if (at >= 0) {
                values.put(key, body.substring(at + key.length() + 3));
            }
        }
        StringBuilder json = new StringBuilder("{");
        values.forEach((key, value) -> json.append(json.length() > 1 ? "," : "").append('"').append(key).append("\":")
                .append(value));
        return json.append('}').toString();
    }

    private String invitation(String email, String firstName, String lastName, String language, String role,
            String permissions, String clients) {
        StringBuilder json = new StringBuilder("{");
        field(json, "email", email);
        field(json, "firstName", firstName);
        field(json, "lastName", lastName);
        field(json, "language", language);
        field(json, "role", role);
        field(json, "permissions", permissions);
        field(json, "clients", clients);
        return json.append('}').toString();
    }

    private String withText(String personalText) {
        String valid = invitation(email(), name("Anna"), name("Berg"), "\"en\"", "\"STANDARD\"", "[]", clients());
        return valid.substring(0, valid.length() - 1) + ",\"personalText\":" + personalText + "}";
    }

    private String userData(String firstName, String clients) {
        return "{\"firstName\":" + firstName + ",\"lastName\":\"Berg\",\"language\":\"en\",\"role\":\"STANDARD\","
                + "\"permissions\":[],\"clients\":" + clients + "}";
    }

    private static void field(StringBuilder json, String name, String value) {
        if (value != null) {
            json.append(json.length() > 1 ? "," : "").append('"').append(name).append("\":").append(value);
        }
    }

    private String clients() {
        return "[" + clientId + "]";
    }

    private static String email() {
        return quote("hostile-" + System.nanoTime() + "@example.com");
    }

    private static String name(String value) {
        return quote(value);
    }

    /** A JSON string: quotes, backslashes and control characters escaped. */
    static String quote(String value) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : value.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> out.append(c < 0x20 || c == 0x2028 || c == 0x2029 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }

    private static Map<String, String> with(Map<String, String> form, String key, String value) {
        Map<String, String> changed = new LinkedHashMap<>(form);
        changed.put(key, value);
        return changed;
    }
}
