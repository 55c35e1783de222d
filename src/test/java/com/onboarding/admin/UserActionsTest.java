package com.onboarding.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditEvent;
import com.onboarding.audit.AuditEventRepository;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.links.LinkNotUsableException;
import com.onboarding.registration.RegistrationService;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Every row action through the API (the screens call the same service), with what it may and may not do. */
class UserActionsTest extends AdminTestSupport {

    @Autowired
    RegistrationService registration;
    @Autowired
    HistoryService history;
    @Autowired
    AuditEventRepository auditEvents;

    void registered(long userId, String email) {
        mailInvitation(userId);
        registration.register(registrationForm(latestToken(email), "Sunny-Day-42"));
    }

    String statusOf(long userId) throws Exception {
        String body = asDemo(get("/api/users/" + userId)).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("status").asText();
    }

    org.springframework.test.web.servlet.ResultActions action(long userId, String action) throws Exception {
        return asDemo(MockMvcRequestBuilders.post("/api/users/" + userId + "/" + action));
    }

    @Test
    void resendIssuesANewLinkAndKillsTheOldOne_evenAfterExpiry() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        mailInvitation(userId);
        String oldToken = latestToken(email);

        clock.advance(Duration.ofDays(22));
        assertThat(statusOf(userId)).isEqualTo("LINK_EXPIRED");
        asDemo(get("/api/users").param("status", "LINK_EXPIRED").param("q", email)).andExpect(jsonPath("$.total").value(1));
        asDemo(get("/api/users").param("status", "INVITED").param("q", email)).andExpect(jsonPath("$.total").value(0));

        action(userId, "resend-invitation").andExpect(status().isOk()).andExpect(jsonPath("$.status").value("INVITED"));
        mailInvitation(userId);
        assertThat(mailsTo(email)).hasSize(2);
        String newToken = latestToken(email);
        assertThat(registration.open(newToken).getId()).isEqualTo(userId);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registration.open(oldToken))
                .isInstanceOf(LinkNotUsableException.class);
    }

    @Test
    void cancelMarksTheRow_andResendInvitesAgainWithAFreshProcess() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        mailInvitation(userId);
        long firstInvitation = invitationIdOf(userId);

        action(userId, "cancel-invitation").andExpect(jsonPath("$.status").value("INVITATION_CANCELLED"));
        action(userId, "cancel-invitation").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("There is no open invitation to cancel: " + email
                        + " is Invited – invitation cancelled."));

        action(userId, "resend-invitation").andExpect(jsonPath("$.status").value("INVITED"));
        long secondInvitation = invitationIdOf(userId);
        assertThat(secondInvitation).isNotEqualTo(firstInvitation);
        assertThat(invitation(firstInvitation).getStatus()).isEqualTo(InvitationStatus.CANCELLED);
        registered(userId, email);
        assertThat(statusOf(userId)).isEqualTo("INVITE_ACCEPTED");
    }

    @Test
    void actionsThatDoNotFitTheStateAreRefusedClearly() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        registered(userId, email);

        action(userId, "resend-invitation").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value("There is no invitation to resend: " + email + " is Invite accepted."));
        action(userId, "cancel-invitation").andExpect(status().isConflict());
        action(userId, "reactivate").andExpect(status().isConflict())
                .andExpect(jsonPath("$.detail").value(email + " is not deactivated."));
        asDemo(delete("/api/users/" + userId)).andExpect(status().isNoContent());
        action(userId, "deactivate").andExpect(status().isNotFound());
    }

    @Test
    void editChangesDataRoleAndClients_butAlwaysKeepsAClient() throws Exception {
        long userId = invite(uniqueEmail(), acme());
        asDemo(put("/api/users/" + userId).content(json.writeValueAsString(Map.of("firstName", "Ina", "lastName",
                "Vogel-Roth", "language", "de", "roleCode", "READ_ONLY", "permissionCodes", List.of("EXPORT_DATA"),
                "clientIds", List.of(acme(), globex())))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.lastName").value("Vogel-Roth"))
                .andExpect(jsonPath("$.role").value("Read-only"))
                .andExpect(jsonPath("$.clients.length()").value(2));

        asDemo(put("/api/users/" + userId).content(json.writeValueAsString(Map.of("firstName", "Ina", "lastName",
                "Vogel", "language", "de", "roleCode", "READ_ONLY", "clientIds", List.of()))))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.problems[0].message").value("Assign at least one client."));
        assertThat(users.findById(userId).orElseThrow().getClients()).hasSize(2);
        assertThat(auditEvents.findBySubjectUserIdOrderByOccurredAtAsc(userId)).extracting(AuditEvent::getAction)
                .contains(AuditAction.USER_EDITED);
    }

    @Test
    void deactivatingAnInvitedUserCancelsTheInvitation_reactivatingAllowsANewOne() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        mailInvitation(userId);
        String token = latestToken(email);

        action(userId, "deactivate").andExpect(jsonPath("$.status").value("DEACTIVATED"));
        assertThat(invitation(invitationIdOf(userId)).getStatus()).isEqualTo(InvitationStatus.CANCELLED);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> registration.open(token))
                .isInstanceOf(LinkNotUsableException.class);

        action(userId, "reactivate").andExpect(jsonPath("$.status").value("INVITATION_CANCELLED"));
        action(userId, "resend-invitation").andExpect(jsonPath("$.status").value("INVITED"));
    }

    @Test
    void deleteRemovesPersonalDataEverywhere_keepingAnAnonymisedAuditTrail() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        registered(userId, email);
        String instanceId = invitation(invitationIdOf(userId)).getProcessInstanceId();
        executeJob(instanceId, "Activity_SendConfirmationMail");
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(1);
        asDemo(put("/api/users/" + userId).content(json.writeValueAsString(Map.of("firstName", "Gwendolyn",
                "lastName", "Forgotten", "language", "en", "roleCode", "STANDARD", "clientIds", List.of(acme())))))
                .andExpect(status().isOk());
        assertThat(auditEvents.findBySubjectUserIdOrderByOccurredAtAsc(userId)).extracting(AuditEvent::getDetails)
                .anySatisfy(details -> assertThat(details).contains("Gwendolyn Forgotten"));

        asDemo(delete("/api/users/" + userId)).andExpect(status().isNoContent());

        assertThat(users.findById(userId)).isEmpty();
        assertThat(invitations.findByUserIdOrderByCreatedAtDesc(userId)).isEmpty();
        assertThat(history.createHistoricProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
        assertThat(history.createHistoricVariableInstanceQuery().processInstanceId(instanceId).count()).isZero();
        List<AuditEvent> trail = auditEvents.findBySubjectUserIdOrderByOccurredAtAsc(userId);
        assertThat(trail).extracting(AuditEvent::getAction).contains(AuditAction.INVITATION_ACCEPTED, AuditAction.USER_DELETED);
        assertThat(trail).extracting(AuditEvent::getActor).doesNotContain(email).contains("deleted user #" + userId);
        assertThat(trail).extracting(AuditEvent::getDetails).as("an edit's names and any reason go").containsOnlyNulls();
    }

    @Test
    void deletingAnInvitedUserAlsoEndsTheRunningProcess() throws Exception {
        long userId = invite(uniqueEmail(), acme());
        String instanceId = invitation(invitationIdOf(userId)).getProcessInstanceId();
        asDemo(delete("/api/users/" + userId)).andExpect(status().isNoContent());
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()).isZero();
        assertThat(managementService.createJobQuery().processInstanceId(instanceId).count()).isZero();
    }

    @Test
    void passwordResetMailsASingleUseLinkValidForAnHour() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, globex());
        action(userId, "password-reset").andExpect(status().isConflict());
        registered(userId, email);

        action(userId, "password-reset").andExpect(status().isAccepted());
        MimeMessage mail = mailsTo(email).get(mailsTo(email).size() - 1);
        assertThat(mail.getSubject()).isEqualTo("Reset your Onboarding password");
        String token = textPart(mail).replaceAll("(?s).*password-reset\\?token=([A-Za-z0-9_-]{43}).*", "$1");

        mvc.perform(get("/password-reset").param("token", token)).andExpect(status().isOk());
        mvc.perform(MockMvcRequestBuilders.post("/password-reset").param("token", token).param("password", "weak")
                        .param("passwordConfirmation", "weak")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().isBadRequest());
        mvc.perform(MockMvcRequestBuilders.post("/password-reset").param("token", token).param("password", "Winter-Night-7")
                        .param("passwordConfirmation", "Winter-Night-7")
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf()))
                .andExpect(status().is3xxRedirection());
        mvc.perform(get("/password-reset").param("token", token)).andExpect(status().isNotFound());

        action(userId, "password-reset").andExpect(status().isAccepted());
        String second = textPart(mailsTo(email).get(mailsTo(email).size() - 1))
                .replaceAll("(?s).*password-reset\\?token=([A-Za-z0-9_-]{43}).*", "$1");
        clock.advance(Duration.ofMinutes(61));
        mvc.perform(get("/password-reset").param("token", second)).andExpect(status().isNotFound());
    }

    @Test
    void securityReportGoesToTheRequestingAdmin() throws Exception {
        String email = uniqueEmail();
        long userId = invite(email, acme());
        registered(userId, email);
        action(userId, "deactivate");

        action(userId, "security-report").andExpect(status().isAccepted());

        List<MimeMessage> reports = mailsTo("demo@onboarding.local");
        assertThat(reports).hasSize(1);
        String text = textPart(reports.get(0));
        assertThat(text).contains("Security report: Anna Berg <" + email + ">")
                .contains("Invitation sent").contains("by demo")
                .contains("Invitation accepted").contains("Password set at registration")
                .contains("Deactivated");
    }
}
