package com.onboarding.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.onboarding.links.LinkNotUsableException;
import com.onboarding.links.LinkTokens;
import com.onboarding.registration.RegistrationForm;
import com.onboarding.registration.RegistrationService;
import com.onboarding.support.IntegrationTest;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserStatus;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of bpmn/user-invitation.bpmn, driven through the services the screens and pages use. */
class UserInvitationProcessTest extends IntegrationTest {

    static final String STRONG_PASSWORD = "Sunny-Day-42";

    @Autowired
    InvitationCommands invitationService;
    @Autowired
    RegistrationService registration;
    @Autowired
    UserAccountRepository users;
    @Autowired
    LinkTokens tokens;

    /** Invites and runs the mail job: the invitee holds a link and the process waits for the registration. */
    long inviteAndMail(InvitationRequest request) {
        long id = invitationService.invite(request).invitationId();
        ProcessInstance instance = processOf(id);
        assertThat(instance).isWaitingAt("Activity_SendInvitationMail");
        executeJob(instance.getId(), "Activity_SendInvitationMail");
        assertThat(instance).isWaitingAt("Activity_CompleteRegistration");
        return id;
    }

    void fireExpiryTimer(ProcessInstance instance) {
        managementService.executeJob(expiryTimer(instance).getId());
    }

    Job expiryTimer(ProcessInstance instance) {
        return managementService.createJobQuery().processInstanceId(instance.getId()).timers().activityId("Event_LinkExpired")
                .singleResult();
    }

    void register(String token) {
        RegistrationForm form = new RegistrationForm();
        form.setToken(token);
        form.setFirstName("Anna");
        form.setLastName("Berg-Lund");
        form.setLanguage("de");
        form.setPassword(STRONG_PASSWORD);
        form.setPasswordConfirmation(STRONG_PASSWORD);
        registration.register(form);
    }

    @Test
    void acceptPath_invitationMailThenRegistrationActivatesUserAndSendsConfirmation() throws Exception {
        InvitationRequest request = validRequest();
        long id = inviteAndMail(request);
        ProcessInstance instance = processOf(id);

        MimeMessage mail = mailsTo(request.email()).get(0);
        assertThat(mail.getSubject()).isEqualTo("Demo Admin invites you to Onboarding");
        String text = textPart(mail);
        assertThat(text).contains("Hello Anna,").contains("Welcome aboard, Anna!").contains("valid until");
        assertThat(htmlPart(mail)).contains("Welcome aboard, Anna!").contains("https://onboarding.test/register?token=");

        String token = latestToken(request.email());
        Invitation invitation = invitation(id);
        assertThat(invitation.getTokenHash()).isEqualTo(tokens.hash(token)).isNotEqualTo(token);
        assertThat(invitation.getExpiresAt()).isBetween(Instant.now().plus(Duration.ofDays(21)).minusSeconds(60),
                Instant.now().plus(Duration.ofDays(21)));

        register(token);

        assertThat(instance).hasPassed("Activity_CompleteRegistration", "Activity_ActivateUser").isWaitingAt("Activity_SendConfirmationMail");
        var user = users.findById(invitation.getUser().getId()).orElseThrow();
        assertThat(user.getStatus()).isEqualTo(UserStatus.ACTIVE);
        assertThat(user.getLastName()).isEqualTo("Berg-Lund");
        assertThat(user.getPasswordHash()).startsWith("{argon2}").doesNotContain(STRONG_PASSWORD);
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(invitation(id).getTokenHash()).isNull();

        executeJob(instance.getId(), "Activity_SendConfirmationMail");
        assertThat(instance).isEnded().hasPassed("Event_UserRegistered");
        MimeMessage confirmation = mailsTo(request.email()).get(1);
        assertThat(confirmation.getSubject()).isEqualTo("Ihr Onboarding-Konto ist aktiv");
        // Where to sign in, from the public base URL.
        assertThat(textPart(confirmation)).contains("Anmelden: https://onboarding.test/login");

        assertThatThrownBy(() -> register(token)).isInstanceOf(LinkNotUsableException.class);
    }

    @Test
    void germanInviteeGetsGermanMail() throws Exception {
        InvitationRequest english = validRequest();
        InvitationRequest request = new InvitationRequest(english.email(), "Jörg", "Müller", "de", null, "READ_ONLY",
                null, english.clientIds(), "demo");
        inviteAndMail(request);
        MimeMessage mail = mailsTo(request.email()).get(0);
        assertThat(mail.getSubject()).isEqualTo("Demo Admin lädt Sie zu Onboarding ein");
        assertThat(textPart(mail)).contains("Hallo Jörg,").contains("gültig bis");
    }

    @Test
    void expirePath_timerMarksInvitationExpiredAndKillsTheLink() {
        InvitationRequest request = validRequest();
        long id = inviteAndMail(request);
        ProcessInstance instance = processOf(id);
        String token = latestToken(request.email());

        Job timer = expiryTimer(instance);
        assertThat(timer.getDuedate().toInstant())
                .isBetween(Instant.now().plus(Duration.ofDays(21)).minusSeconds(60), Instant.now().plus(Duration.ofDays(21)));
        managementService.executeJob(timer.getId());

        assertThat(instance).hasPassed("Event_LinkExpired", "Activity_MarkInvitationExpired").isWaitingAt("Activity_FollowUpExpiredInvitation");
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.EXPIRED);
        assertThatThrownBy(() -> registration.open(token)).isInstanceOf(LinkNotUsableException.class);
    }

    @Test
    void expiryIsCheckedAtTheExactInstantEvenBeforeTheTimerFires() {
        InvitationRequest request = validRequest();
        long id = inviteAndMail(request);
        String token = latestToken(request.email());

        clock.advance(Duration.ofDays(21).minusMinutes(1));
        assertThat(registration.open(token).getEmail()).isEqualTo(request.email());

        clock.advance(Duration.ofMinutes(2));
        assertThatThrownBy(() -> registration.open(token)).isInstanceOf(LinkNotUsableException.class);
        assertThatThrownBy(() -> register(token)).isInstanceOf(LinkNotUsableException.class);
        assertThat(processOf(id)).isWaitingAt("Activity_CompleteRegistration");
    }

    @Test
    void resendBeforeExpiry_oldLinkDiesAtOnceNewLinkWorksForTheFullPeriod() {
        InvitationRequest request = validRequest();
        long id = inviteAndMail(request);
        ProcessInstance instance = processOf(id);
        String oldToken = latestToken(request.email());

        clock.advance(Duration.ofDays(10));
        invitationService.requestResend(id, "demo");

        assertThatThrownBy(() -> registration.open(oldToken)).isInstanceOf(LinkNotUsableException.class);
        assertThat(instance).hasPassed("Event_ResendRequested", "Activity_IssueNewLink").isWaitingAt("Activity_SendInvitationMail");
        executeJob(instance.getId(), "Activity_SendInvitationMail");

        assertThat(mailsTo(request.email())).hasSize(2);
        String newToken = latestToken(request.email());
        assertThat(newToken).isNotEqualTo(oldToken);
        Invitation invitation = invitation(id);
        assertThat(invitation.getResendCount()).isEqualTo(1);
        assertThat(invitation.getExpiresAt()).isAfter(Instant.now().plus(Duration.ofDays(30)));
        assertThat(registration.open(newToken).getEmail()).isEqualTo(request.email());
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).timers()
                .activityId("Event_LinkExpired").count()).isEqualTo(1);
    }

    @Test
    void resendAfterExpiry_reopensTheInvitationWithANewLink() {
        InvitationRequest request = validRequest();
        long id = inviteAndMail(request);
        ProcessInstance instance = processOf(id);
        fireExpiryTimer(instance);
        assertThat(instance).isWaitingAt("Activity_FollowUpExpiredInvitation");

        invitationService.requestResend(id, "demo");

        assertThat(instance).hasPassed("Event_ResendRequestedAfterExpiry", "Activity_IssueNewLink").isWaitingAt("Activity_SendInvitationMail");
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.PENDING);
        executeJob(instance.getId(), "Activity_SendInvitationMail");
        register(latestToken(request.email()));
        assertThat(instance).isWaitingAt("Activity_SendConfirmationMail");
    }

    @Test
    void cancelPath_linkDiesAtOnceAndTheProcessEnds() {
        InvitationRequest request = validRequest();
        long id = inviteAndMail(request);
        ProcessInstance instance = processOf(id);
        String token = latestToken(request.email());

        invitationService.requestCancel(id, "demo");

        assertThat(instance).hasPassed("Event_CancelRequested", "Activity_CancelInvitation", "Event_InvitationCancelled").isEnded();
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.CANCELLED);
        assertThatThrownBy(() -> registration.open(token)).isInstanceOf(LinkNotUsableException.class);
    }

    @Test
    void cancelWhileTheMailIsStillQueued_noMailGoesOut() {
        InvitationRequest request = validRequest();
        long id = invitationService.invite(request).invitationId();
        ProcessInstance instance = processOf(id);

        invitationService.requestCancel(id, "demo");

        assertThat(instance).isEnded();
        assertThat(managementService.createJobQuery().processInstanceId(instance.getId()).count()).isZero();
        assertThat(mailsTo(request.email())).isEmpty();
    }

    @Test
    void cancelAfterExpiry_endsTheWaitingInstance() {
        long id = inviteAndMail(validRequest());
        ProcessInstance instance = processOf(id);
        fireExpiryTimer(instance);

        invitationService.requestCancel(id, "demo");

        assertThat(instance).hasPassed("Event_CancelRequestedAfterExpiry", "Event_InvitationCancelled").isEnded();
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.CANCELLED);
    }

    @Test
    void resendOrCancelAfterAcceptance_isRejectedClearlyAndChangesNothing() {
        InvitationRequest request = validRequest();
        long id = inviteAndMail(request);
        register(latestToken(request.email()));
        int mails = mailsTo(request.email()).size();

        assertThatThrownBy(() -> invitationService.requestResend(id, "demo"))
                .isInstanceOf(InvitationStateException.class)
                .hasMessage("The invitation cannot be resent: " + request.email() + " has already accepted it and is active.");
        assertThatThrownBy(() -> invitationService.requestCancel(id, "demo"))
                .isInstanceOf(InvitationStateException.class)
                .hasMessageContaining("cannot be cancelled").hasMessageContaining("already accepted");

        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.ACCEPTED);
        assertThat(processOf(id)).isWaitingAt("Activity_SendConfirmationMail");
        assertThat(mailsTo(request.email())).hasSize(mails);
    }

    @Test
    void cancelAfterCancel_isRejectedClearly() {
        long id = inviteAndMail(validRequest());
        invitationService.requestCancel(id, "demo");
        assertThatThrownBy(() -> invitationService.requestCancel(id, "demo"))
                .isInstanceOf(InvitationStateException.class)
                .hasMessage("The invitation cannot be cancelled: it was cancelled.");
    }

    @Test
    void mailFailure_isRetriedThenBecomesAnIncident_andNothingIsLost() {
        InvitationRequest request = validRequest();
        long id = invitationService.invite(request).invitationId();
        ProcessInstance instance = processOf(id);
        greenMail.stop();
        try {
            // The mail steps' retry schedule (MailRetries): a first attempt and five retries, 1 min to 2 h apart.
            for (int attempt = 1; attempt <= 6; attempt++) {
                assertThat(runtimeService.createIncidentQuery().processInstanceId(instance.getId()).count())
                        .as("no incident before attempt " + attempt).isZero();
                Job job = job(instance.getId(), "Activity_SendInvitationMail");
                assertThatThrownBy(() -> managementService.executeJob(job.getId())).isNotNull();
                if (attempt < 6) {
                    assertThat(job(instance.getId(), "Activity_SendInvitationMail").getDuedate())
                            .isAfter(java.util.Date.from(Instant.now().plusSeconds(50)));
                }
            }
            Job failed = job(instance.getId(), "Activity_SendInvitationMail");
            assertThat(failed.getRetries()).isZero();
            Incident incident = runtimeService.createIncidentQuery().processInstanceId(instance.getId()).singleResult();
            assertThat(incident).isNotNull();
            assertThat(incident.getActivityId()).isEqualTo("Activity_SendInvitationMail");
            // Nothing lost and no usable link: the user is still invited, the invitation open, the step still there.
            assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.PENDING);
            assertThat(invitation(id).getTokenHash()).isNull();
            assertThat(instance).isWaitingAt("Activity_SendInvitationMail");
        } finally {
            greenMail.start();
        }
        // An operator fixes SMTP and retries the job in Cockpit:
        managementService.setJobRetries(job(instance.getId(), "Activity_SendInvitationMail").getId(), 1);
        executeJob(instance.getId(), "Activity_SendInvitationMail");
        assertThat(instance).isWaitingAt("Activity_CompleteRegistration");
        assertThat(mailsTo(request.email())).hasSize(1);
    }
}
