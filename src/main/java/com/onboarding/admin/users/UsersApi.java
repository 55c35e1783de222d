package com.onboarding.admin.users;

import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationRequest;
import com.onboarding.invitation.PersonalText;
import com.onboarding.scopes.CurrentAdmin;
import com.onboarding.users.UserData;
import com.onboarding.web.CsvDownloads;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.data.domain.Page;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The user administration as JSON, for other systems; same service, same scope rules as the screens. */
@RestController
@RequestMapping("/api")
@Tag(name = "Users", description = "Invite and administer users (HTTP Basic with a Camunda admin account)")
class UsersApi {

    /** An invitation as an API client sends it. */
    /** {@code linkValidityDays}: 1 to 90; absent, the setting (onboarding.invitation.link-validity). */
    record InvitationBody(String email, String firstName, String lastName, String language, String personalText,
            String role, List<String> permissions, List<Long> clients, Integer linkValidityDays) {
    }

    record Created(long invitationId, long userId) {
    }

    record PageBody(List<UserRow> users, int page, int size, long total) {
    }

    private final UserDirectory directory;
    private final UserAdministration administration;
    private final UserAccountActions accounts;
    private final InvitationCommands invitations;
    private final CurrentAdmin currentAdmin;
    private final UserExport export;
    private final UserApprovals approvals;
    private final UserTimeline timeline;

    UsersApi(UserDirectory directory, UserAdministration administration, UserAccountActions accounts,
            InvitationCommands invitations, CurrentAdmin currentAdmin, UserExport export, UserApprovals approvals,
            UserTimeline timeline) {
        this.directory = directory;
        this.administration = administration;
        this.accounts = accounts;
        this.invitations = invitations;
        this.currentAdmin = currentAdmin;
        this.export = export;
        this.approvals = approvals;
        this.timeline = timeline;
    }

    /** Why the invitation is rejected: mailed to whoever asked for it. */
    record RejectionBody(String reason) {
    }

    @PostMapping("/users/{id}/approve")
    @Operation(summary = "Approve an invitation that awaits approval (four eyes: a global admin other than the "
            + "inviter); its link is mailed")
    UserRow approve(@PathVariable long id) {
        return approvals.approve(id, currentAdmin.scope());
    }

    @PostMapping("/users/{id}/reject")
    @Operation(summary = "Reject an invitation that awaits approval, with a reason mailed to the inviter")
    UserRow reject(@PathVariable long id, @RequestBody(required = false) RejectionBody body) {
        return approvals.reject(id, body == null ? null : body.reason(), currentAdmin.scope());
    }

    @GetMapping("/users")
    @Operation(summary = "Search users (25 a page); only users whose clients you administer")
    PageBody search(@RequestParam(required = false) String q, @RequestParam(required = false) UserListStatus status,
            @RequestParam(required = false) Long client, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, @RequestParam(defaultValue = "0") int page) {
        Page<UserRow> result = directory.search(new UserSearch(q, status, client, sort, dir, page),
                currentAdmin.scope());
        return new PageBody(result.getContent(), result.getNumber(), result.getSize(), result.getTotalElements());
    }

    @GetMapping(value = "/users/export.csv", produces = CsvDownloads.CSV)
    @Operation(summary = "The users as a CSV file (UTF-8 with BOM, for spreadsheets): the same filters and order as "
            + "the search, every page; only users whose clients you administer; cells a spreadsheet would run as "
            + "formulas start with an apostrophe")
    void export(@RequestParam(required = false) String q, @RequestParam(required = false) UserListStatus status,
            @RequestParam(required = false) Long client, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir, HttpServletResponse response) throws IOException {
        UserExportController.send(export, new UserSearch(q, status, client, sort, dir, 0), currentAdmin, response);
    }

    @GetMapping("/users/{id}")
    UserRow get(@PathVariable long id) {
        return directory.row(id, currentAdmin.scope());
    }

    @GetMapping("/users/{id}/timeline")
    @Operation(summary = "The user with everything that happened to them, newest first: audit entries (source "
            + "AUDIT: event is the action, with actor and details) and mails of their invitations (source MAIL: event "
            + "is the step, mailState QUEUED, SENT, RETRYING with nextAttempt, or FAILED)")
    UserTimeline.UserPage timeline(@PathVariable long id) {
        return timeline.page(id, currentAdmin.scope());
    }

    @PostMapping("/invitations")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Invite a user: starts the invitation process and mails the link")
    Created invite(@RequestBody InvitationBody body) {
        InvitationCommands.Invited invited = invitations.invite(new InvitationRequest(body.email(), body.firstName(),
                body.lastName(), body.language(), body.personalText(), body.role(), body.permissions(), body.clients(),
                currentAdmin.id(), body.linkValidityDays()));
        return new Created(invited.invitationId(), invited.userId());
    }

    @PutMapping("/users/{id}")
    UserRow edit(@PathVariable long id, @RequestBody UserData body) {
        return administration.edit(id, body, currentAdmin.scope());
    }

    /** {@code personalText}: the new mail's text ("" for none); absent, the text stays. */
    record ResendBody(String personalText) {
    }

    @PostMapping("/users/{id}/resend-invitation")
    @Operation(summary = "Resend the invitation: a new link valid for the full period, the old one dead at once; "
            + "optionally with a new personal text (body {\"personalText\": \"…\"}, \"\" for none)")
    UserRow resend(@PathVariable long id, @RequestBody(required = false) ResendBody body) {
        PersonalText newText = body == null || body.personalText() == null ? null : new PersonalText(body.personalText());
        return administration.resendInvitation(id, newText, currentAdmin.scope());
    }

    @PostMapping("/users/{id}/cancel-invitation")
    UserRow cancel(@PathVariable long id) {
        return administration.cancelInvitation(id, currentAdmin.scope());
    }

    @PostMapping("/users/{id}/deactivate")
    UserRow deactivate(@PathVariable long id) {
        return administration.deactivate(id, currentAdmin.scope());
    }

    @PostMapping("/users/{id}/reactivate")
    UserRow reactivate(@PathVariable long id) {
        return administration.reactivate(id, currentAdmin.scope());
    }

    @PostMapping("/users/{id}/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Mail the user a single-use password reset link")
    void resetPassword(@PathVariable long id) {
        accounts.resetPassword(id, currentAdmin.scope());
    }

    @PostMapping("/users/{id}/security-report")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Mail yourself the user's security report")
    void securityReport(@PathVariable long id) {
        accounts.requestSecurityReport(id, currentAdmin.scope());
    }

    @DeleteMapping("/users/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the user and their personal data everywhere")
    void delete(@PathVariable long id) {
        accounts.delete(id, currentAdmin.scope());
    }
}
