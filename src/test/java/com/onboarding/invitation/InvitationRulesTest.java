package com.onboarding.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.support.IntegrationTest;
import com.onboarding.users.UserAccountRepository;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Bad input gets a clear, specific message and creates nothing: no user, no process instance, no mail. */
class InvitationRulesTest extends IntegrationTest {

    @Autowired
    InvitationCommands invitationService;
    @Autowired
    UserAccountRepository users;

    void assertRejected(InvitationRequest request, String field, String message) {
        long usersBefore = users.count();
        long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey(InvitationProcess.KEY).count();
        assertThatThrownBy(() -> invitationService.invite(request))
                .isInstanceOf(InvitationRejectedException.class)
                .satisfies(e -> assertThat(((InvitationRejectedException) e).problems())
                        .contains(new Problem(field, message)));
        assertThat(users.count()).isEqualTo(usersBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(InvitationProcess.KEY).count())
                .isEqualTo(instancesBefore);
        assertThat(greenMail.getReceivedMessages()).isEmpty();
    }

    InvitationRequest with(UnaryOperator<InvitationRequest> change) {
        return change.apply(validRequest());
    }

    @Test
    void invalidEmail() {
        assertRejected(with(r -> new InvitationRequest("anna.example.com", r.firstName(), r.lastName(), r.language(),
                r.personalText(), r.roleCode(), r.permissionCodes(), r.clientIds(), r.invitedBy())),
                "email", "'anna.example.com' is not a valid email address.");
    }

    @Test
    void anAddressThatNotEveryMailServerCanDeliverToIsRefused_withTheReason() {
        assertRejected(with(r -> new InvitationRequest("jürgen@example.com", r.firstName(), r.lastName(), r.language(),
                r.personalText(), r.roleCode(), r.permissionCodes(), r.clientIds(), r.invitedBy())),
                "email", "'jürgen@example.com' cannot receive mail from this service: before the @, use only "
                        + "unaccented letters, digits and . _ + - (a domain such as müller.de is fine).");
        for (String invalid : new String[] {"anna@localhost", "anna@@example.com", "anna@exa mple.com",
                ".anna@example.com", "anna@example..com", "anna\u0000@example.com"}) {
            assertRejected(with(r -> new InvitationRequest(invalid, r.firstName(), r.lastName(), r.language(),
                    r.personalText(), r.roleCode(), r.permissionCodes(), r.clientIds(), r.invitedBy())),
                    "email", "'" + invalid + "' is not a valid email address.");
        }
    }

    @Test
    void anInternationalisedDomainIsDeliveredAsPunycode_andIsOneUserWhicheverWayItIsSpelt() throws Exception {
        String local = uniqueEmail().substring(0, 13);
        InvitationRequest request = with(r -> new InvitationRequest(local + "@Müller-Bäckerei.de", r.firstName(),
                r.lastName(), r.language(), r.personalText(), r.roleCode(), r.permissionCodes(), r.clientIds(),
                r.invitedBy()));
        long id = invitationService.invite(request).invitationId();
        executeJob(processOf(id).getId(), "Activity_SendInvitationMail");

        String ascii = local + "@xn--mller-bckerei-hfb76a.de";
        assertThat(mailsTo(ascii)).hasSize(1);
        assertThat(invitation(id).getUser().getEmail()).as("shown as typed").isEqualTo(local + "@Müller-Bäckerei.de");
        greenMail.purgeEmailFromAllMailboxes();
        assertRejected(with(r -> new InvitationRequest(ascii.toUpperCase(), r.firstName(), r.lastName(), r.language(),
                r.personalText(), r.roleCode(), r.permissionCodes(), r.clientIds(), r.invitedBy())),
                "email", ascii.toUpperCase() + " has already been invited (status: Invited). "
                        + "Use \"Resend invitation\" in the user administration to send a new link.");
    }

    @Test
    void missingMandatoryFields() {
        InvitationRequest request = with(r -> new InvitationRequest(" ", "", null, null, null, null, null,
                r.clientIds(), r.invitedBy()));
        assertRejected(request, "email", "Email is required.");
        assertRejected(request, "firstName", "First name is required.");
        assertRejected(request, "lastName", "Last name is required.");
        assertRejected(request, "language", "Language is required.");
        assertRejected(request, "role", "A role is required.");
    }

    @Test
    void noClient() {
        assertRejected(with(r -> new InvitationRequest(r.email(), r.firstName(), r.lastName(), r.language(),
                r.personalText(), r.roleCode(), r.permissionCodes(), List.of(), r.invitedBy())),
                "clients", "Assign at least one client.");
    }

    @Test
    void unknownRoleClientPermissionAndLanguage() {
        InvitationRequest request = with(r -> new InvitationRequest(r.email(), r.firstName(), r.lastName(), "fr",
                r.personalText(), "OWNER", List.of("FLY"), List.of(987654L), r.invitedBy()));
        assertRejected(request, "role", "Role 'OWNER' does not exist.");
        assertRejected(request, "permissions", "Permission 'FLY' does not exist.");
        assertRejected(request, "clients", "Client 987654 does not exist.");
        assertRejected(request, "language", "Language 'fr' is not offered (use en or de).");
    }

    @Test
    void tooLongPersonalText() {
        assertRejected(with(r -> new InvitationRequest(r.email(), r.firstName(), r.lastName(), r.language(),
                "x".repeat(2001), r.roleCode(), r.permissionCodes(), r.clientIds(), r.invitedBy())),
                "personalText", "The personal invitation text is longer than 2000 characters.");
    }

    @Test
    void emailOfAnInvitedUser_saysStatusAndPointsToResend_ignoringCase() {
        InvitationRequest first = validRequest();
        invitationService.invite(first).invitationId();
        InvitationRequest again = new InvitationRequest(first.email().toUpperCase(), "Other", "Person", "de", null,
                "READ_ONLY", null, first.clientIds(), "demo");
        assertRejected(again, "email", first.email().toUpperCase() + " has already been invited (status: Invited). "
                + "Use \"Resend invitation\" in the user administration to send a new link.");
    }
}
