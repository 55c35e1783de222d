package com.onboarding.shipped;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.onboarding.support.AppNode;
import com.onboarding.support.Artifact;
import com.onboarding.support.Http;
import com.onboarding.support.Postgres;
import com.onboarding.support.ServiceBed;
import com.onboarding.support.SmtpSink;
import com.onboarding.support.SmtpSink.Mail;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The same database carries over from Camunda 7 to Operaton. The Camunda build's jar runs on a fresh PostgreSQL
 * database and leaves an invitation in each wait state: its mail not delivered yet (the mail server refused; the
 * next attempt is an hour away), waiting for registration, a reminder pending, expired with its follow-up task, and
 * awaiting a second administrator's approval. It stops; the Operaton build's jar starts on the same database and
 * drives every one to its end: the link mailed by Camunda registers, the due timer reminds, the follow-up task is
 * completed through the engine's REST API, the approval mails the link, the queued mail goes out. Each address gets
 * exactly the mails its path sends, every instance ends, nothing is left failed.
 *
 * <p>Runs in the Operaton build's {@code verify} against PostgreSQL, after the Camunda build packaged its jar (as
 * .ci/run does); the Camunda build skips it.
 */
class EngineCarryOverIT {

    private static final String PASSWORD = "Carry-Over-Lights-7!";
    private static final String SECOND_ADMIN = "carrysecond";
    private static final Pattern IDS = Pattern.compile("\"invitationId\"\\s*:\\s*(\\d+).*\"userId\"\\s*:\\s*(\\d+)");
    private static final Duration PATIENCE = Duration.ofSeconds(90);
    /** Both engines' names for the job executor's settings: each reads its own and ignores the other's. */
    private static final List<String> SETTINGS = List.of(
            "--onboarding.mail.retry-intervals=PT1H",
            "--camunda.bpm.job-execution.wait-time-in-millis=500", "--camunda.bpm.job-execution.max-wait=1000",
            "--operaton.bpm.job-execution.wait-time-in-millis=500", "--operaton.bpm.job-execution.max-wait=1000");
    private static final List<String> JVM = List.of("-Xmx384m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1");

    private final String run = UUID.randomUUID().toString().substring(0, 8);
    private ServiceBed bed;
    private Postgres db;
    private SmtpSink mail;
    private AppNode node;
    private long clientId;

    private record Invited(String email, long invitationId, long userId) {
    }

    @BeforeEach
    void start() throws Exception {
        Assumptions.assumeTrue("postgres".equalsIgnoreCase(System.getenv("ONBOARDING_TEST_DB")),
                "the carry-over runs against PostgreSQL (ONBOARDING_TEST_DB=postgres)");
        Assumptions.assumeFalse(Artifact.isCamundaBuild(),
                "the carry-over runs in the Operaton build (-Dengine=operaton)");
        bed = ServiceBed.open();
        db = bed.db;
        mail = bed.mail;
    }

    @AfterEach
    void stop() throws Exception {
        if (bed != null) {
            bed.close();
        }
    }

    @Test
    void everyWaitStateOfCamundaEndsOnOperaton() throws Exception {
        node = bed.start("carry-camunda", Artifact.camundaJar(JVM), SETTINGS);
        assertThat(admin().get("/engine-rest/version").body()).as("the engine first").contains("\"version\":\"7.24");
        clientId = clientNamed("Carry " + run);
        secondGlobalAdmin();

        Invited registers = invite("registers", "STANDARD");
        Invited reminded = invite("reminded", "STANDARD");
        Invited expired = invite("expired", "STANDARD");
        awaitMails(registers, 1);
        awaitMails(reminded, 1);
        awaitMails(expired, 1);
        String linkFromCamunda = latestToken(registers);
        linkExpiresNow(expired);
        await().atMost(PATIENCE).until(() -> openTasks(expired, "Activity_FollowUpExpiredInvitation") == 1);
        Invited approved = invite("approved", "ADMINISTRATOR");
        await().atMost(PATIENCE).until(() -> admin().get("/api/users/" + approved.userId()).body()
                .contains("AWAITING_APPROVAL"));
        mail.refuse();
        Invited queued = invite("queued", "STANDARD");
        await().atMost(PATIENCE).until(() -> db.count("select count(*) from act_ru_job j join invitation i on "
                + "i.process_instance_id = j.process_instance_id_ where i.id = ? and j.exception_msg_ is not null "
                + "and j.retries_ > 0", queued.invitationId()) == 1);
        node.stop();
        assertThat(db.count("select count(*) from act_ru_job where lock_owner_ is not null")).as("jobs left locked")
                .isZero();

        mail.accept();
        node = bed.start("carry-operaton", Artifact.packagedJar(JVM), SETTINGS);
        assertThat(admin().get("/engine-rest/version").body()).as("the engine now").contains("\"version\":\"1.");

        assertThat(register(linkFromCamunda)).as("the link Camunda mailed, on Operaton").isEqualTo(302);

        db.update("update act_ru_job set duedate_ = now() where job_def_id_ in (select id_ from act_ru_jobdef where "
                + "act_id_ = 'Event_FirstReminderDue') and process_instance_id_ = ?", instanceOf(reminded));
        awaitMails(reminded, 2);

        String task = db.query("select id_ from act_ru_task where proc_inst_id_ = ? and task_def_key_ = "
                + "'Activity_FollowUpExpiredInvitation'", instanceOf(expired)).get(0).get(0).toString();
        Http.Response completed = admin().json("POST", "/engine-rest/task/" + task + "/complete",
                "{\"variables\":{\"followUpDecision\":{\"value\":\"resend\",\"type\":\"String\"}}}");
        assertThat(completed.status()).as(completed.body()).isEqualTo(204);
        awaitMails(expired, 2);

        Http.Response approval = Http.basic(node.port, SECOND_ADMIN, PASSWORD)
                .json("POST", "/api/users/" + approved.userId() + "/approve", "");
        assertThat(approval.status()).as(approval.body()).isEqualTo(200);
        awaitMails(approved, 1);

        db.update("update act_ru_job set duedate_ = now() where process_instance_id_ = ? "
                + "and exception_msg_ is not null",
                instanceOf(queued));
        awaitMails(queued, 1);

        for (Invited invited : List.of(reminded, expired, approved, queued)) {
            assertThat(register(latestToken(invited))).as(invited.email()).isEqualTo(302);
        }
        for (Invited invited : List.of(registers, reminded, expired, approved, queued)) {
            String instance = instanceOf(invited);
            await().atMost(PATIENCE).until(() ->
                    db.count("select count(*) from act_ru_execution where proc_inst_id_ = ?", instance) == 0);
            assertThat(admin().get("/api/users/" + invited.userId()).body()).as(invited.email())
                    .contains("\"status\":\"INVITE_ACCEPTED\"");
        }
        assertThat(db.count("select count(*) from act_ru_incident")).as("incidents").isZero();
        // Nothing mailed twice: the invitation (and a second link where the path sends one), then the welcome.
        Thread.sleep(2000);
        assertThat(mailsTo(registers)).isEqualTo(2);
        assertThat(mailsTo(reminded)).isEqualTo(3);
        assertThat(mailsTo(expired)).isEqualTo(3);
        assertThat(mailsTo(approved)).isEqualTo(2);
        assertThat(mailsTo(queued)).isEqualTo(2);
    }

    private long clientNamed(String name) {
        Http.Response created = admin().json("POST", "/api/clients", "{\"name\":\"" + name + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        Matcher id = Pattern.compile("\"id\"\\s*:\\s*(\\d+)").matcher(created.body());
        assertThat(id.find()).isTrue();
        return Long.parseLong(id.group(1));
    }

    private void secondGlobalAdmin() {
        Http.Response created = admin().json("POST", "/engine-rest/user/create", "{\"profile\":{\"id\":\""
                + SECOND_ADMIN + "\",\"firstName\":\"Sam\",\"lastName\":\"Second\",\"email\":"
                + "\"sam.second@example.com\"},\"credentials\":{\"password\":\"" + PASSWORD + "\"}}");
        assertThat(created.status()).as(created.body()).isEqualTo(204);
        Http.Response member = admin().put("/engine-rest/group/camunda-admin/members/" + SECOND_ADMIN);
        assertThat(member.status()).as(member.body()).isEqualTo(204);
    }

    private Invited invite(String name, String role) {
        String email = name + "-" + run + "@example.com";
        Http.Response response = admin().json("POST", "/api/invitations", "{\"email\":\"" + email + "\",\"firstName\":"
                + "\"Rita\",\"lastName\":\"Lopez\",\"language\":\"en\",\"role\":\"" + role + "\",\"permissions\":[],"
                + "\"clients\":[" + clientId + "]}");
        assertThat(response.status()).as(response.body()).isEqualTo(201);
        Matcher ids = IDS.matcher(response.body());
        assertThat(ids.find()).as(response.body()).isTrue();
        return new Invited(email, Long.parseLong(ids.group(1)), Long.parseLong(ids.group(2)));
    }

    /** The link's end reached: its timer due now, and the server's own check of the link agreeing. */
    private void linkExpiresNow(Invited invited) throws Exception {
        db.update("update act_ru_job set duedate_ = now() where job_def_id_ in (select id_ from act_ru_jobdef where "
                + "act_id_ = 'Event_LinkExpired') and process_instance_id_ = ?", instanceOf(invited));
        db.update("update invitation set expires_at = now() where id = ?", invited.invitationId());
    }

    private String instanceOf(Invited invited) throws Exception {
        return db.query("select process_instance_id from invitation where id = ?", invited.invitationId())
                .get(0).get(0).toString();
    }

    private long openTasks(Invited invited, String taskKey) throws Exception {
        return db.count("select count(*) from act_ru_task where proc_inst_id_ = ? and task_def_key_ = ?",
                instanceOf(invited), taskKey);
    }

    /** The invitee's visit: the page of the link, then its form. 302 (to "done") when registered. */
    private int register(String token) {
        Http invitee = Http.anonymous(node.port);
        Http.Response page = invitee.get("/register?token=" + token);
        assertThat(page.status()).as("the registration page").isEqualTo(200);
        return invitee.formWithToken("/register", Map.of("token", token, "firstName", "Rita", "lastName", "Lopez",
                "language", "en", "password", PASSWORD, "passwordConfirmation", PASSWORD),
                Http.csrfToken(page.body())).status();
    }

    private void awaitMails(Invited invited, int count) {
        await().atMost(PATIENCE).until(() -> mailsTo(invited) >= count);
        assertThat(mailsTo(invited)).as("mails to " + invited.email()).isEqualTo(count);
    }

    private long mailsTo(Invited invited) {
        return mail.received().stream().filter(m -> m.to().equals(invited.email())).count();
    }

    private String latestToken(Invited invited) {
        List<Mail> mails = mail.received();
        for (int i = mails.size() - 1; i >= 0; i--) {
            if (mails.get(i).to().equals(invited.email()) && mails.get(i).token() != null) {
                return mails.get(i).token();
            }
        }
        throw new IllegalStateException("no link was mailed to " + invited.email());
    }

    private Http admin() {
        return Http.basic(node.port, AppNode.ADMIN, AppNode.ADMIN_PASSWORD);
    }
}
