package com.onboarding.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onboarding.admin.AdminTestSupport;
import com.onboarding.support.Http;
import com.onboarding.support.Http.Response;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The link's validity chosen per invitation (issue 23): 1 to 90 days from the screen, the API and Tasklist (the file
 * is BulkInvitationTest's); every link period of the invitation lasts that long, the timer fires when the invitation
 * says, and a value out of range is refused with nothing created.
 */
class ChosenValidityTest extends AdminTestSupport {

    /** The test clock runs on with real time; the database keeps microseconds, a timer milliseconds. */
    private static final org.assertj.core.data.TemporalUnitOffset SECONDS =
            org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS);
    private static final org.assertj.core.data.TemporalUnitOffset MILLISECOND =
            org.assertj.core.api.Assertions.within(1, java.time.temporal.ChronoUnit.MILLIS);

    @LocalServerPort
    int port;
    @org.springframework.beans.factory.annotation.Autowired
    com.onboarding.mail.MailService mail;

    @Test
    void fiveDaysChosen_theLinkTheTimerAndTheResendLastFiveDays() throws Exception {
        String email = uniqueEmail();
        Map<String, Object> body = new HashMap<>(invitation(email, "STANDARD", List.of(), List.of(acme())));
        body.put("linkValidityDays", 5);
        long userId = json.readTree(asDemo(post("/api/invitations", body)).andExpect(status().isCreated())
                .andReturn().getResponse().getContentAsString()).get("userId").asLong();
        Invitation invitation = invitation(invitationIdOf(userId));
        assertThat(invitation.getLinkValidityDays()).isEqualTo(5);
        assertThat(invitation.getExpiresAt()).isCloseTo(clock.instant().plus(Duration.ofDays(5)), SECONDS);
        assertThat(expiryTimer(invitation).getDuedate().toInstant()).isCloseTo(invitation.getExpiresAt(), MILLISECOND);

        mailInvitation(userId);
        assertThat(textPart(mailsTo(email).get(0))).as("the mail names the end of the chosen period")
                .contains(mail.dateTime(invitation.getExpiresAt(), java.util.Locale.ENGLISH));

        clock.advance(Duration.ofDays(2));
        asDemo(MockMvcRequestBuilders.post("/api/users/" + userId + "/resend-invitation")).andExpect(status().isOk());
        Invitation resent = invitation(invitationIdOf(userId));
        assertThat(resent.getExpiresAt()).as("a resend starts another period of the chosen length")
                .isCloseTo(clock.instant().plus(Duration.ofDays(5)), SECONDS);
        assertThat(expiryTimer(resent).getDuedate().toInstant()).isCloseTo(resent.getExpiresAt(), MILLISECOND);
    }

    @Test
    void nothingChosen_theSettingApplies() throws Exception {
        long userId = invite(uniqueEmail(), acme());
        Invitation invitation = invitation(invitationIdOf(userId));
        assertThat(invitation.getLinkValidityDays()).isNull();
        assertThat(invitation.getExpiresAt()).isCloseTo(clock.instant().plus(Duration.ofDays(21)), SECONDS);
        assertThat(expiryTimer(invitation).getDuedate().toInstant()).isCloseTo(invitation.getExpiresAt(), MILLISECOND);
    }

    @Test
    void outOfRangeThroughTheApi_refusedInTheReadersLanguage_andNothingCreated() throws Exception {
        long before = users.count();
        for (int days : new int[] {0, 91, -3}) {
            Map<String, Object> body = new HashMap<>(invitation(uniqueEmail(), "STANDARD", List.of(), List.of(acme())));
            body.put("linkValidityDays", days);
            asDemo(post("/api/invitations", body)).andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.problems[0].field").value("linkValidityDays"))
                    .andExpect(jsonPath("$.problems[0].message").value("The link must be valid for 1 to 90 days."));
        }
        Map<String, Object> body = new HashMap<>(invitation(uniqueEmail(), "STANDARD", List.of(), List.of(acme())));
        body.put("linkValidityDays", 0);
        asDemo(post("/api/invitations", body).locale(java.util.Locale.GERMAN).header("Accept-Language", "de"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value("Der Link muss 1 bis 90 Tage gültig sein."));
        assertThat(users.count()).isEqualTo(before);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    @Test
    void theInviteScreenOffersTheChoice_andRefusesWhatIsNoNumberOfDays() {
        Http admin = Http.session(port, "demo", DEMO_PASSWORD);
        assertThat(admin.get("/users/invite").body()).contains("name=\"linkValidityDays\"").contains("min=\"1\"")
                .contains("max=\"90\"").contains("1 to 90 days; empty: 21 days");

        String tooLong = uniqueEmail();
        Response refused = admin.form("/users/invite", fields(tooLong, "120"));
        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("The link must be valid for 1 to 90 days.").contains("value=\"120\"");
        Response unreadable = admin.form("/users/invite", fields(uniqueEmail(), "ten"));
        assertThat(unreadable.status()).isEqualTo(400);
        assertThat(unreadable.body()).contains("Enter the number of days as a whole number.");
        assertThat(users.findByEmailNormalized(tooLong)).isEmpty();

        String chosen = uniqueEmail();
        assertThat(admin.form("/users/invite", fields(chosen, "30")).status()).isEqualTo(302);
        long userId = users.findByEmailNormalized(chosen).orElseThrow().getId();
        assertThat(invitation(invitationIdOf(userId)).getExpiresAt())
                .isCloseTo(clock.instant().plus(Duration.ofDays(30)), SECONDS);
    }

    @Test
    void tasklistsNumberField_setsTheValidity_andTextThatIsNoNumberIsRefused() {
        identity.setAuthentication("demo", List.of("camunda-admin"));
        try {
            String email = uniqueEmail();
            var task = enterUserData();
            Map<String, Object> values = tasklistValues(email);
            values.put("linkValidityDays", 14L);
            processEngine.getTaskService().complete(task.getId(), values);
            long userId = users.findByEmailNormalized(email).orElseThrow().getId();
            assertThat(invitation(invitationIdOf(userId)).getLinkValidityDays()).isEqualTo(14);

            var another = enterUserData();
            Map<String, Object> words = tasklistValues(uniqueEmail());
            words.put("linkValidityDays", "two weeks");
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> processEngine.getTaskService().complete(another.getId(), words))
                    .hasMessageContaining("the link's validity must be a whole number of days, not 'two weeks'");
        } finally {
            identity.clearAuthentication();
        }
    }

    private org.camunda.bpm.engine.task.Task enterUserData() {
        String instance = runtimeService.startProcessInstanceByKey("invite-user").getId();
        return processEngine.getTaskService().createTaskQuery().processInstanceId(instance).singleResult();
    }

    private Map<String, Object> tasklistValues(String email) {
        Map<String, Object> values = new HashMap<>();
        values.put("email", email);
        values.put("firstName", "Tia");
        values.put("lastName", "Liste");
        values.put("language", "en");
        values.put("role", "STANDARD");
        values.put("clients", org.camunda.spin.plugin.variable.SpinValues.jsonValue("[\"" + acme() + "\"]").create());
        return values;
    }

    private Map<String, String> fields(String email, String days) {
        return Map.of("email", email, "firstName", "Ina", "lastName", "Vogel", "language", "en", "role", "STANDARD",
                "clients", String.valueOf(acme()), "linkValidityDays", days);
    }

    private Job expiryTimer(Invitation invitation) {
        return managementService.createJobQuery().processInstanceId(invitation.getProcessInstanceId())
                .activityId(InvitationProcess.Elements.LINK_EXPIRED).singleResult();
    }
}
