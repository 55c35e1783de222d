package com.onboarding.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.onboarding.admin.AdminTestSupport;
import com.onboarding.support.Http;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Webhooks end to end against a real HTTP receiver on this machine that checks every signature as the Standard
 * Webhooks specification says a receiver must (its own HMAC, not the product's code), is down for a while and comes
 * back: every event arrives, in order per invitation, none lost; a receiver down for good ends in an incident.
 */
class WebhooksTest extends AdminTestSupport {

    /** A receiver: answers {@link #answer}, and keeps what it accepted with a valid signature. */
    static final class Receiver implements AutoCloseable {

        record Received(String messageId, String type, JsonNode data, List<String> validWith) {
        }

        final HttpServer server;
        final AtomicInteger answer = new AtomicInteger(503);
        final List<Received> accepted = Collections.synchronizedList(new ArrayList<>());
        final List<String> badSignatures = Collections.synchronizedList(new ArrayList<>());
        final Map<String, String> secrets = new LinkedHashMap<>();

        Receiver(com.fasterxml.jackson.databind.ObjectMapper json) throws IOException {
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

        String url() {
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

        List<String> typesOf(String key, long id) {
            return accepted.stream().filter(r -> r.data().path(key).asLong() == id).map(Received::type).toList();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    @LocalServerPort
    int port;

    Receiver receiver;
    long endpointId;

    @BeforeEach
    void receiverAndEndpoint() throws Exception {
        receiver = new Receiver(json);
        JsonNode created = json.readTree(asDemo(post("/api/webhooks", Map.of("url", receiver.url(),
                "description", "CRM"))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        endpointId = created.get("id").asLong();
        receiver.secrets.put("first", created.get("secret").asText());
    }

    @AfterEach
    void stopReceiver() throws Exception {
        receiver.close();
        // Other tests' events must not wait for this endpoint.
        asDemo(MockMvcRequestBuilders.delete("/api/webhooks/" + endpointId)).andExpect(status().isNoContent());
        assertThat(pendingJobs()).as("a deleted endpoint's deliveries end with it").isEmpty();
    }

    @Test
    void aReceiverDownForAWhile_getsEveryEventOnceItIsBack_inOrderPerInvitation_signed() throws Exception {
        long anna = invite(uniqueEmail(), acme());
        mailInvitation(anna);
        long ben = invite(uniqueEmail(), acme());
        mailInvitation(ben);
        asDemo(MockMvcRequestBuilders.post("/api/users/" + ben + "/cancel-invitation")).andExpect(status().isOk());
        long annasInvitation = invitationIdOf(anna);
        long bensInvitation = invitationIdOf(ben);

        // Down: every attempt fails, and the log says so.
        assertThat(runDeliveries(true)).as("deliveries that failed while the receiver was down").isGreaterThan(0);
        assertThat(receiver.accepted).isEmpty();
        JsonNode log = json.readTree(asDemo(get("/api/webhooks/" + endpointId + "/deliveries"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString());
        assertThat(log.findValues("lastStatus").stream().filter(s -> s.asInt() == 503).count()).isPositive();
        assertThat(log.findValues("deliveredAt").stream().allMatch(JsonNode::isNull)).isTrue();

        // Back: the later events of an invitation run first here, and still arrive after the earlier ones.
        receiver.answer.set(200);
        runDeliveries(true);
        runDeliveries(false);
        assertThat(receiver.badSignatures).isEmpty();
        assertThat(receiver.typesOf("invitationId", annasInvitation))
                .containsExactly("invitation.created", "invitation.sent");
        assertThat(receiver.typesOf("invitationId", bensInvitation))
                .containsExactly("invitation.created", "invitation.sent", "invitation.cancelled");
        assertThat(receiver.accepted).extracting(Receiver.Received::messageId).doesNotHaveDuplicates();
        assertThat(pendingJobs()).isEmpty();
        Receiver.Received sent = receiver.accepted.stream().filter(r -> r.type().equals("invitation.sent")).findFirst()
                .orElseThrow();
        assertThat(sent.data().toString()).as("ids only").doesNotContain("@").doesNotContain("Ina");
        assertThat(sent.data().get("userId").asLong()).isIn(anna, ben);
        assertThat(sent.data().get("clientIds").get(0).asLong()).isEqualTo(acme());
    }

    @Test
    void aReceiverDownForGood_endsInAnIncident_andARetryDeliversWithTheSameId() throws Exception {
        long user = invite(uniqueEmail(), acme());
        asDemo(MockMvcRequestBuilders.post("/api/users/" + user + "/deactivate")).andExpect(status().isOk());
        for (int attempt = 0; attempt < 12 && !pendingJobs().isEmpty(); attempt++) {
            runDeliveries(false);
        }
        assertThat(runtimeService.createIncidentQuery().processDefinitionKeyIn(WebhookDeliveryProcess.KEY).list())
                .extracting(incident -> incident.getIncidentMessage())
                .anySatisfy(message -> assertThat(message).contains("answered HTTP 503"));

        receiver.answer.set(200);
        managementService.createJobQuery().processDefinitionKey(WebhookDeliveryProcess.KEY).withException().list()
                .forEach(job -> managementService.setJobRetries(job.getId(), 1));
        runDeliveries(false);
        runDeliveries(false);
        assertThat(receiver.typesOf("userId", user)).containsExactly("invitation.created", "invitation.cancelled",
                "user.deactivated");
        assertThat(receiver.accepted.stream().filter(r -> r.type().equals("user.deactivated")).count()).isEqualTo(1);
    }

    @Test
    void aRotatedSecret_signsBesideTheNewOneForADay_thenOnlyTheNewOne() throws Exception {
        String rotated = json.readTree(asDemo(MockMvcRequestBuilders.post("/api/webhooks/" + endpointId
                + "/rotate-secret")).andExpect(status().isOk()).andReturn().getResponse().getContentAsString())
                .get("secret").asText();
        assertThat(rotated).startsWith("whsec_").isNotEqualTo(receiver.secrets.get("first"));
        receiver.secrets.put("rotated", rotated);
        receiver.answer.set(200);

        invite(uniqueEmail(), acme());
        runDeliveries(false);
        assertThat(receiver.accepted).last().extracting(Receiver.Received::validWith)
                .isEqualTo(List.of("first", "rotated"));

        clock.advance(Duration.ofHours(25));
        invite(uniqueEmail(), acme());
        runDeliveries(false);
        assertThat(receiver.accepted).last().extracting(Receiver.Received::validWith).isEqualTo(List.of("rotated"));
    }

    @Test
    void onlyHttpsAndKnownEvents_andOnlyGlobalAdmins_andTheScreenShowsTheLog() throws Exception {
        asDemo(post("/api/webhooks", Map.of("url", "http://hooks.example.com/in")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].field").value("url"));
        asDemo(post("/api/webhooks", Map.of("url", "https://hooks.example.com/in", "eventTypes", List.of("invitation.sold"))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value("Unknown event \"invitation.sold\"."));
        long before = json.readTree(asDemo(get("/api/webhooks")).andReturn().getResponse().getContentAsString()).size();

        String scoped = scopedAdmin(List.of(acme()), List.of());
        api(scoped, PASSWORD, get("/api/webhooks")).andExpect(status().isForbidden());
        api(scoped, PASSWORD, post("/api/webhooks", Map.of("url", "https://evil.example/in")))
                .andExpect(status().isForbidden());
        api(scoped, PASSWORD, MockMvcRequestBuilders.post("/api/webhooks/" + endpointId + "/rotate-secret"))
                .andExpect(status().isForbidden());
        assertThat(json.readTree(asDemo(get("/api/webhooks")).andReturn().getResponse().getContentAsString()).size())
                .isEqualTo(before);

        receiver.answer.set(200);
        invite(uniqueEmail(), acme());
        runDeliveries(false);
        Http admin = Http.session(port, "demo", DEMO_PASSWORD);
        String page = admin.get("/webhooks/" + endpointId).body();
        assertThat(page).contains(receiver.url()).contains("invitation.created").contains("delivered");
        assertThat(page).as("the secret shows once, when made").doesNotContain(receiver.secrets.get("first"));
        assertThat(Http.session(port, scoped, PASSWORD).get("/webhooks").status()).isEqualTo(403);
    }

    /** Runs each waiting delivery once, the newest first if asked; answers how many failed. */
    private int runDeliveries(boolean newestFirst) {
        List<Job> jobs = new ArrayList<>(pendingJobs());
        jobs.sort((a, b) -> Long.compare(deliveryOf(a), deliveryOf(b)) * (newestFirst ? -1 : 1));
        int failed = 0;
        for (Job job : jobs) {
            try {
                managementService.executeJob(job.getId());
            } catch (RuntimeException e) {
                failed++;
            }
        }
        return failed;
    }

    private List<Job> pendingJobs() {
        return managementService.createJobQuery().processDefinitionKey(WebhookDeliveryProcess.KEY).withRetriesLeft()
                .list();
    }

    private long deliveryOf(Job job) {
        return Long.parseLong(runtimeService.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
                .singleResult().getBusinessKey().substring(WebhookDeliveryProcess.BUSINESS_KEY_PREFIX.length()));
    }

}
