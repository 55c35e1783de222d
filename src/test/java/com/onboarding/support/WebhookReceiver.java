package com.onboarding.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A webhook receiver on this machine, as a subscriber writes one: it answers {@link #answer} and keeps what it
 * accepted, after checking the signature the way the Standard Webhooks specification tells receivers to (its own
 * HMAC, not the product's code), against every secret it knows.
 */
public final class WebhookReceiver implements AutoCloseable {

    public record Received(String messageId, String type, JsonNode data, List<String> validWith) {
    }

    private final HttpServer server;
    public final AtomicInteger answer = new AtomicInteger(503);
    public final List<Received> accepted = Collections.synchronizedList(new ArrayList<>());
    public final List<String> badSignatures = Collections.synchronizedList(new ArrayList<>());
    public final Map<String, String> secrets = new LinkedHashMap<>();

    public WebhookReceiver(com.fasterxml.jackson.databind.ObjectMapper json) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/hooks", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            int status = answer.get();
            if (status == 200) {
                String id = exchange.getRequestHeaders().getFirst("webhook-id");
                String timestamp = exchange.getRequestHeaders().getFirst("webhook-timestamp");
                String signatures = exchange.getRequestHeaders().getFirst("webhook-signature");
                List<String> validWith = new ArrayList<>();
                secrets.forEach((name, secret) -> {
                    if (List.of(signatures.split(" ")).contains(expected(secret, id, timestamp, body))) {
                        validWith.add(name);
                    }
                });
                if (validWith.isEmpty()) {
                    badSignatures.add(id);
                    status = 401;
                } else {
                    JsonNode payload = json.readTree(body);
                    accepted.add(new Received(id, payload.get("type").asText(), payload.get("data"), validWith));
                }
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks";
    }

    /** As a receiver checks: HMAC-SHA256 of id.timestamp.body with the secret's base64 bytes. */
    static String expected(String secret, String id, String timestamp, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())),
                    "HmacSHA256"));
            return "v1," + Base64.getEncoder().encodeToString(
                    mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    public List<String> typesOf(String key, long id) {
        return accepted.stream().filter(r -> r.data().path(key).asLong() == id).map(Received::type).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
