package com.onboarding.webhooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.onboarding.admin.AdminTestSupport;
import com.onboarding.support.Http;
import com.onboarding.support.WebhookReceiver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
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

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    WebhookDeliveryRepository deliveryIds;

    WebhookReceiver receiver;
    long endpointId;

    @BeforeEach
    void receiverAndEndpoint() throws Exception {
        receiver = new WebhookReceiver(json);
        JsonNode created = json.readTree(asDemo(post("/api/webhooks", Map.of("url", receiver.url(),
                "description", "CRM"))).andExpect(status().isCreated()).andReturn().getResponse().getContentAsString());
        endpointId = created.get("id").asLong();
        receiver.secrets.put("first", created.get("secret").asText());
    }

    @AfterEach
    void stopReceiver() throws Exception {
        receiver.close();
        // Other tests' events must not wait for this endpoint.
        List<String> waiting = pendingJobs().stream().map(Job::getProcessInstanceId).toList();
        asDemo(MockMvcRequestBuilders.delete("/api/webhooks/" + endpointId)).andExpect(status().isNoContent());
        assertThat(waiting).as("a deleted endpoint's deliveries end with it").allSatisfy(instance ->
                assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).count()).isZero());
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
        assertThat(receiver.accepted).extracting(WebhookReceiver.Received::messageId).doesNotHaveDuplicates();
        assertThat(pendingJobs()).isEmpty();
        WebhookReceiver.Received sent = receiver.accepted.stream().filter(r -> r.type().equals("invitation.sent")).findFirst()
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
        assertThat(receiver.accepted).last().extracting(WebhookReceiver.Received::validWith)
                .isEqualTo(List.of("first", "rotated"));

        clock.advance(Duration.ofHours(25));
        invite(uniqueEmail(), acme());
        runDeliveries(false);
        assertThat(receiver.accepted).last().extracting(WebhookReceiver.Received::validWith).isEqualTo(List.of("rotated"));
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

    /** This endpoint's deliveries that wait (other tests' endpoints may have their own). */
    private List<Job> pendingJobs() {
        java.util.Set<String> ours = new java.util.HashSet<>(deliveryIds.pendingIds(endpointId).stream()
                .map(WebhookDeliveryProcess::businessKey).toList());
        return managementService.createJobQuery().processDefinitionKey(WebhookDeliveryProcess.KEY).withRetriesLeft()
                .list().stream().filter(job -> ours.contains(businessKeyOf(job))).toList();
    }

    private String businessKeyOf(Job job) {
        var instance = runtimeService.createProcessInstanceQuery().processInstanceId(job.getProcessInstanceId())
                .singleResult();
        return instance == null ? "" : instance.getBusinessKey();
    }

    private long deliveryOf(Job job) {
        return Long.parseLong(businessKeyOf(job).substring(WebhookDeliveryProcess.BUSINESS_KEY_PREFIX.length()));
    }

}
