package com.onboarding.funnel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onboarding.admin.AdminTestSupport;
import com.onboarding.authority.CamundaGrants;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.mail.MailRetries;
import com.onboarding.registration.RegistrationService;
import com.onboarding.support.Http;
import java.time.Duration;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.identity.User;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Funnel metrics at /actuator/prometheus and the admin page "Onboarding". */
class FunnelTest extends AdminTestSupport {

    @LocalServerPort
    int port;

    static double metric(String body, String line) {
        Matcher matcher = Pattern.compile("(?m)^" + Pattern.quote(line) + " ([0-9.E+-]+)$").matcher(body);
        assertThat(matcher.find()).as("metric " + line + " in\n" + body.lines().filter(l -> l.startsWith("onboarding"))
                .toList()).isTrue();
        return Double.parseDouble(matcher.group(1));
    }

    @Test
    void prometheusIsForGlobalAdminsAndProcessOwnersOnly() {
        assertThat(Http.anonymous(port).get("/actuator/prometheus").status()).isEqualTo(401);
        String scoped = scopedAdmin(List.of(acme()), List.of());
        assertThat(Http.basic(port, scoped, PASSWORD).get("/actuator/prometheus").status()).isEqualTo(403);
        String owner = "owner" + uniqueEmail().substring(5, 13);
        User user = identity.newUser(owner);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(owner, CamundaGrants.PROCESS_OWNERS);
        assertThat(Http.basic(port, owner, PASSWORD).get("/actuator/prometheus").status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/actuator/health").body()).startsWith("{\"status\":\"UP\"");
        assertThat(Http.anonymous(port).get("/actuator/health/readiness").body()).isEqualTo("{\"status\":\"UP\"}");
        assertThat(Http.anonymous(port).get("/actuator/env").status()).isIn(401, 404);
    }

    @Test
    void theCountersFollowTheFunnel() throws Exception {
        Http demo = Http.basic(port, "demo", DEMO_PASSWORD);
        String before = demo.get("/actuator/prometheus").body();
        double sent = metric(before, "onboarding_invitations_total{event=\"sent\"}");
        double accepted = metric(before, "onboarding_invitations_total{event=\"accepted\"}");
        double acceptances = metric(before, "onboarding_invitation_time_to_accept_seconds_count");

        String email = uniqueEmail();
        long userId = invite(email, acme());
        mailInvitation(userId);
        clock.advance(Duration.ofHours(5));
        registrationService().register(registrationForm(latestToken(email), "Sunny-Day-42"));
        Thread.sleep(5_100); // the counters are read once per scrape window

        String after = demo.get("/actuator/prometheus").body();
        assertThat(metric(after, "onboarding_invitations_total{event=\"sent\"}")).isEqualTo(sent + 1);
        assertThat(metric(after, "onboarding_invitations_total{event=\"accepted\"}")).isEqualTo(accepted + 1);
        assertThat(metric(after, "onboarding_invitation_time_to_accept_seconds_count")).isEqualTo(acceptances + 1);
        assertThat(metric(after, "onboarding_invitation_time_to_accept_seconds_bucket{le=\"86400.0\"}"))
                .as("five hours fall in the one-day bucket").isGreaterThanOrEqualTo(1);
        assertThat(after).contains("onboarding_invitations_awaiting_approval ")
                .contains("onboarding_incidents_open ").contains("onboarding_tasks_open{task=\"follow_up\"}")
                .contains("onboarding_mail_failures_total ");
    }

    @Test
    void aFailedMailIsCounted() {
        Http demo = Http.basic(port, "demo", DEMO_PASSWORD);
        double failures = metric(demo.get("/actuator/prometheus").body(), "onboarding_mail_failures_total");
        long userId = inviteQuietly();
        greenMail.stop();
        try {
            assertThatThrownBy(() -> mailInvitation(userId)).isNotNull();
        } finally {
            greenMail.start();
        }
        assertThat(metric(demo.get("/actuator/prometheus").body(), "onboarding_mail_failures_total"))
                .isEqualTo(failures + 1);
    }

    @Test
    void theDashboardShowsTheAdminsClientsOnly() throws Exception {
        String acmeEmail = uniqueEmail();
        long acmeUser = invite(acmeEmail, acme());
        mailInvitation(acmeUser);
        String globexEmail = uniqueEmail();
        long globexUser = invite(globexEmail, globex());
        // Make the Globex invitation's mail fail for good: an incident.
        greenMail.stop();
        try {
            // The first attempt and every retry of the mail steps' schedule.
            for (int attempt = 0; attempt <= mailRetries.getRetryIntervals().size(); attempt++) {
                try {
                    mailInvitation(globexUser);
                } catch (RuntimeException expected) {
                    // retried below
                }
            }
        } finally {
            greenMail.start();
        }
        // The Acme invitation expires: a follow-up task for demo.
        String acmeInstance = invitation(invitationIdOf(acmeUser)).getProcessInstanceId();
        managementService.executeJob(managementService.createJobQuery().processInstanceId(acmeInstance).timers()
                .activityId("Event_LinkExpired").singleResult().getId());

        String page = Http.session(port, "demo", DEMO_PASSWORD).get("/dashboard").body();
        assertThat(page).contains("<h1>Onboarding</h1>").contains("invitations sent").contains("<svg class=\"chart\"")
                .contains(acmeEmail).contains("Invitation expired: resend or cancel?")
                .contains(globexEmail).contains("Send invitation mail").contains("Open invitation in Cockpit")
                .as("each user links to their page").contains("href=\"/users/" + acmeUser + "\"")
                .contains("href=\"/users/" + globexUser + "\"");
        // Their page tells the story: the invitation mail failed for good.
        assertThat(Http.session(port, "demo", DEMO_PASSWORD).get("/users/" + globexUser).body())
                .contains("Invitation mail").contains("not delivered after every retry: an incident in Cockpit");
        // In German, the tasks and steps too (the engine's names are English only).
        Http german = Http.session(port, "demo", DEMO_PASSWORD);
        german.get("/users?lang=de");
        String germanPage = german.get("/dashboard").body();
        german.get("/users?lang=en");
        assertThat(germanPage).contains("Einladung abgelaufen: erneut senden oder zurückziehen?")
                .contains("Einladungsmail senden").contains("In einem Zwischenfall hängend")
                .doesNotContain("Invitation expired: resend or cancel?").doesNotContain("Incident");

        // The Users row says so too, in the screen and the API; the Acme user's row has no such mark.
        assertThat(Http.session(port, "demo", DEMO_PASSWORD).get("/users?q=" + globexEmail).body())
                .contains("invitation mail not delivered");
        assertThat(Http.basic(port, "demo", DEMO_PASSWORD).get("/api/users/" + globexUser).body())
                .contains("\"failedStep\":\"SendInvitationMail\"");
        assertThat(Http.basic(port, "demo", DEMO_PASSWORD).get("/api/users/" + acmeUser).body())
                .contains("\"failedStep\":null");

        String scoped = scopedAdmin(List.of(acme()), List.of());
        String scopedPage = Http.session(port, scoped, PASSWORD).get("/dashboard").body();
        assertThat(scopedPage).contains("Your clients").contains(acmeEmail).doesNotContain(globexEmail)
                .doesNotContain("in Cockpit");
    }

    /**
     * An invitation rejected in the four-eyes approval never went out: not "sent", neither on /actuator/prometheus
     * nor on the dashboard; an approved one is, once approved.
     */
    @Test
    void aRejectedInvitationWasNeverSent() throws Exception {
        Http demo = Http.basic(port, "demo", DEMO_PASSWORD);
        clock.advance(Duration.ofSeconds(6)); // past the scrape window of what came before
        String before = demo.get("/actuator/prometheus").body();
        double sent = metric(before, "onboarding_invitations_total{event=\"sent\"}");
        long invitedBefore = invitedOnDashboard();

        long rejected = inviteAdministrator();
        completeAs(globalAdmin(), taskOf(rejected), java.util.Map.of("approvalDecision", "reject",
                "rejectionReason", "Not needed"));
        assertThat(invitation(invitationIdOf(rejected)).getStatus()).isEqualTo(InvitationStatus.REJECTED);
        long approved = inviteAdministrator();
        clock.advance(Duration.ofSeconds(6)); // the counters are read once per scrape window
        assertThat(metric(demo.get("/actuator/prometheus").body(), "onboarding_invitations_total{event=\"sent\"}"))
                .as("neither the rejected one nor the one awaiting approval").isEqualTo(sent);
        assertThat(invitedOnDashboard()).isEqualTo(invitedBefore);

        completeAs(globalAdmin(), taskOf(approved), java.util.Map.of("approvalDecision", "approve"));
        clock.advance(Duration.ofSeconds(6));
        assertThat(metric(demo.get("/actuator/prometheus").body(), "onboarding_invitations_total{event=\"sent\"}"))
                .isEqualTo(sent + 1);
        assertThat(invitedOnDashboard()).isEqualTo(invitedBefore + 1);
    }

    /** The histogram is computed from the invitations on record: a fresh one, as after a restart, has them all. */
    @Test
    void theTimeToAcceptSurvivesARestart() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        mailInvitation(userId);
        clock.advance(Duration.ofHours(2));
        registrationService().register(registrationForm(latestToken(email), "Sunny-Day-42"));
        long accepted = invitations.findAll().stream()
                .filter(i -> i.getStatus() == InvitationStatus.ACCEPTED).count();

        var afterRestart = new TimeToAcceptHistogram(entityManager, transactionTemplate, clock,
                new org.springframework.beans.factory.support.StaticListableBeanFactory()
                        .getBeanProvider(io.prometheus.metrics.model.registry.PrometheusRegistry.class));
        var point = afterRestart.collect().getDataPoints().get(0);
        assertThat(point.getCount()).isEqualTo(accepted);
        assertThat(point.getSum()).isGreaterThanOrEqualTo(Duration.ofHours(2).toSeconds());
        clock.advance(Duration.ofSeconds(6));
        assertThat(metric(Http.basic(port, "demo", DEMO_PASSWORD).get("/actuator/prometheus").body(),
                "onboarding_invitation_time_to_accept_seconds_count")).isEqualTo(accepted);
    }

    private long inviteAdministrator() throws Exception {
        String body = asDemo(post("/api/invitations", invitation(uniqueEmail(), "ADMINISTRATOR", List.of(),
                List.of(acme())))).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("userId").asLong();
    }

    private org.camunda.bpm.engine.task.Task taskOf(long userId) {
        return openTaskOf(invitationIdOf(userId));
    }

    private long invitedOnDashboard() {
        Matcher invited = Pattern.compile("<span class=\"value\">(\\d+)</span>\\s*<span class=\"label\">invitations sent")
                .matcher(Http.session(port, "demo", DEMO_PASSWORD).get("/dashboard?lang=en").body());
        assertThat(invited.find()).as("the dashboard's figure of invitations sent").isTrue();
        return Long.parseLong(invited.group(1));
    }

    @Autowired
    jakarta.persistence.EntityManager entityManager;
    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactionTemplate;

    private RegistrationService registrationService() {
        return registration;
    }

    private long inviteQuietly() {
        try {
            return invite(uniqueEmail(), acme());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Autowired
    RegistrationService registration;
    @Autowired
    MailRetries mailRetries;
}
