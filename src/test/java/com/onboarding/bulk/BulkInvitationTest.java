package com.onboarding.bulk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import com.onboarding.admin.AdminTestSupport;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserStatus;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Bulk invite, end to end through the API: preview, send, background steps, result, and what must not happen. */
class BulkInvitationTest extends AdminTestSupport {

    private static final String HEADER = "email,first name,last name,language,role,permissions,clients\n";

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void previewChecksEveryRowWithTheSingleInviteRules_andSendsNothing() throws Exception {
        String taken = uniqueEmail();
        invite(taken, acme());
        String ok = uniqueEmail();
        String csv = HEADER
                + ok + ",Ina,Vogel,de,Standard user,View reports|Export data,Acme Corporation\n"
                + "not-an-address,Tom,Kurz,en,Standard user,,Acme Corporation\n"
                + uniqueEmail() + ",Eva,Lang,en,Standard user,,Nowhere Ltd\n"
                + taken + ",Max,Roth,en,Standard user,,Acme Corporation\n"
                + ok.toUpperCase() + ",Ina,Vogel,en,Standard user,,Acme Corporation\n"
                + uniqueEmail() + ",,Leer,en,Chief,,Acme Corporation\n";
        long usersBefore = users.count();

        JsonNode preview = upload("demo", DEMO_PASSWORD, csv, null);

        assertThat(preview.get("status").asText()).isEqualTo("PREVIEW");
        assertThat(preview.get("counts").get("READY").asInt()).isEqualTo(1);
        assertThat(preview.get("counts").get("INVALID").asInt()).isEqualTo(5);
        assertThat(message(preview, 3)).contains("valid email");
        assertThat(message(preview, 4)).contains("Unknown client \"Nowhere Ltd\"");
        assertThat(message(preview, 5)).contains("has already been invited");
        assertThat(message(preview, 6)).contains("is in row 2 already");
        assertThat(message(preview, 7)).contains("Unknown role \"Chief\"").contains("First name");
        assertThat(users.count()).isEqualTo(usersBefore);
        assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey(BulkInvitationProcess.KEY)
                .processInstanceBusinessKey(BulkInvitationProcess.businessKey(preview.get("id").asLong())).count())
                .isZero();
        assertThat(mailsTo(ok)).isEmpty();
    }

    @Test
    void sendInvitesTheValidRowsInTheBackground_withTheirRoleClientsAndPersonalText() throws Exception {
        String ina = uniqueEmail();
        String tom = uniqueEmail();
        String csv = "E-Mail;Vorname;Nachname;Sprache;Rolle;Berechtigungen;Mandanten\n"
                + ina + ";Ina;Vogel;Deutsch;standard;View reports|EXPORT_DATA;Acme Corporation|Globex GmbH\n"
                + tom + ";Tom;Kurz;;Nur lesen;Berichte ansehen;globex gmbh\n"
                + "broken;;;;;;\n";
        JsonNode preview = upload("demo", DEMO_PASSWORD, csv, "Welcome to the team!");
        long id = preview.get("id").asLong();

        JsonNode sent = send(id, "demo", DEMO_PASSWORD);
        assertThat(sent.get("status").asText()).isEqualTo("RUNNING");
        runSteps(id);

        JsonNode done = json.readTree(asDemo(get("/api/invitations/bulk/" + id)).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString());
        assertThat(done.get("status").asText()).isEqualTo("DONE");
        assertThat(done.get("counts").get("INVITED").asInt()).isEqualTo(2);
        assertThat(done.get("percentDone").asInt()).isEqualTo(100);
        UserAccount invitedIna = users.findByEmailNormalized(ina).orElseThrow();
        assertThat(invitedIna.getStatus()).isEqualTo(UserStatus.INVITED);
        assertThat(invitedIna.getLanguage().code()).isEqualTo("de");
        assertThat(invitedIna.getRole().getCode()).isEqualTo("STANDARD");
        assertThat(invitedIna.getPermissions()).extracting("code").containsExactlyInAnyOrder("VIEW_REPORTS", "EXPORT_DATA");
        assertThat(invitedIna.getClients()).hasSize(2);
        assertThat(users.findByEmailNormalized(tom).orElseThrow().getLanguage().code()).isEqualTo("en");
        // German names of roles and permissions count as much as the English ones.
        assertThat(users.findByEmailNormalized(tom).orElseThrow().getRole().getCode()).isEqualTo("READ_ONLY");

        // Each row is an ordinary invitation: its own process, its mail with the file's personal text.
        mailInvitation(invitedIna.getId());
        assertThat(textPart(mailsTo(ina).get(0))).contains("Welcome to the team!");
        assertThat(invitation(invitedIna.getCurrentInvitationId()).getStatus()).isEqualTo(InvitationStatus.PENDING);

        String result = asDemo(get("/api/invitations/bulk/" + id + "/result.csv")).andExpect(status().isOk())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(result.lines()).hasSize(4);
        assertThat(result).contains("2," + ina + ",Ina Vogel,Invited,," + invitedIna.getId())
                .contains("4,broken,,Not sent,");
    }

    @Test
    void aValidityColumn_setsEachRowsLinkValidity_andRefusesWhatIsNoNumberOrOutOfRange() throws Exception {
        String thirty = uniqueEmail();
        String standard = uniqueEmail();
        String csv = "email,first name,last name,language,role,permissions,clients,link validity days\n"
                + thirty + ",Ina,Vogel,en,Standard user,,Acme Corporation,30\n"
                + standard + ",Tom,Kurz,en,Standard user,,Acme Corporation,\n"
                + uniqueEmail() + ",Eva,Lang,en,Standard user,,Acme Corporation,a month\n"
                + uniqueEmail() + ",Max,Weit,en,Standard user,,Acme Corporation,120\n";
        JsonNode preview = upload("demo", DEMO_PASSWORD, csv, null);
        assertThat(preview.get("counts").get("READY").asInt()).isEqualTo(2);
        assertThat(message(preview, 4)).contains("\"a month\" is no number of days.");
        assertThat(message(preview, 5)).contains("The link must be valid for 1 to 90 days.");

        long id = preview.get("id").asLong();
        send(id, "demo", DEMO_PASSWORD);
        runSteps(id);
        UserAccount invited = users.findByEmailNormalized(thirty).orElseThrow();
        assertThat(invitation(invited.getCurrentInvitationId()).getExpiresAt())
                .isCloseTo(clock.instant().plus(java.time.Duration.ofDays(30)),
                        org.assertj.core.api.Assertions.within(5, java.time.temporal.ChronoUnit.SECONDS));
        assertThat(invitation(users.findByEmailNormalized(standard).orElseThrow().getCurrentInvitationId())
                .getLinkValidityDays()).as("an empty cell: the setting").isNull();
    }

    @Test
    void theSameFileTwiceInvitesNobodyTwice_andSendingTwiceStartsOneProcess() throws Exception {
        String csv = HEADER + uniqueEmail() + ",Ina,Vogel,en,Standard user,,Acme Corporation\n";
        long id = upload("demo", DEMO_PASSWORD, csv, null).get("id").asLong();
        assertThat(send(id, "demo", DEMO_PASSWORD).get("alreadySent").asBoolean()).isFalse();
        assertThat(send(id, "demo", DEMO_PASSWORD).get("alreadySent").asBoolean())
                .as("the second send finds it sent").isTrue();
        assertThat(processesOf(id)).hasSize(1);

        JsonNode again = upload("demo", DEMO_PASSWORD, csv, null);
        assertThat(again.get("id").asLong()).isEqualTo(id);
        assertThat(again.get("alreadySent").asBoolean()).isTrue();
        runSteps(id);
        assertThat(jdbc.queryForObject("select count(*) from bulk_import where file_hash = "
                + "(select file_hash from bulk_import where id = ?)", Long.class, id)).isEqualTo(1);
    }

    @Test
    void oneRefusedRowDoesNotStopTheOthers_andARepeatedStepInvitesNoRowTwice() throws Exception {
        String first = uniqueEmail();
        String second = uniqueEmail();
        String third = uniqueEmail();
        String csv = HEADER + first + ",A,One,en,Standard user,,Acme Corporation\n"
                + second + ",B,Two,en,Standard user,,Acme Corporation\n"
                + third + ",C,Three,en,Standard user,,Acme Corporation\n";
        long id = upload("demo", DEMO_PASSWORD, csv, null).get("id").asLong();
        // Between preview and send, someone invites the second person on their own.
        invite(second, acme());
        send(id, "demo", DEMO_PASSWORD);
        // A step that crashed after the first row's invitation committed (the job itself did not): the row has its
        // outcome, and the repeated step must leave it alone.
        long firstUser = invite(first, acme());
        jdbc.update("update bulk_import_row set outcome = 'INVITED', user_id = ? where import_id = ? and row_number = 2",
                firstUser, id);
        long invitationsBefore = invitations.count();

        runSteps(id);

        JsonNode done = json.readTree(asDemo(get("/api/invitations/bulk/" + id)).andReturn().getResponse()
                .getContentAsString());
        assertThat(done.get("counts").get("INVITED").asInt()).isEqualTo(2);
        assertThat(done.get("counts").get("FAILED").asInt()).isEqualTo(1);
        assertThat(message(done, 3)).contains("has already been invited");
        assertThat(invitations.count()).isEqualTo(invitationsBefore + 1);
        assertThat(users.findByEmailNormalized(third)).isPresent();
        assertThat(invitations.findByUserIdOrderByCreatedAtDesc(firstUser)).hasSize(1);
    }

    @Test
    void aScopedAdminResolvesOnlyTheirClients_andSeesOnlyTheirImports() throws Exception {
        String scoped = scopedAdmin(List.of(acme()), List.of());
        String csv = HEADER + uniqueEmail() + ",Ina,Vogel,en,Standard user,,Globex GmbH\n"
                + uniqueEmail() + ",Tom,Kurz,en,Administrator,,Acme Corporation\n"
                + uniqueEmail() + ",Eva,Lang,en,Standard user,View reports,Acme Corporation\n"
                + uniqueEmail() + ",Max,Roth,en,Standard user,,Acme Corporation\n";
        JsonNode preview = upload(scoped, PASSWORD, csv, null);
        // Another client's name reads like a name that does not exist.
        assertThat(message(preview, 2)).isEqualTo("Unknown client \"Globex GmbH\".");
        assertThat(message(preview, 3)).contains("Administrator");
        assertThat(message(preview, 4)).contains("View reports");
        assertThat(preview.get("counts").get("READY").asInt()).isEqualTo(1);
        long id = preview.get("id").asLong();

        String other = scopedAdmin(List.of(acme()), List.of());
        api(other, PASSWORD, get("/api/invitations/bulk/" + id)).andExpect(status().isNotFound());
        api(other, PASSWORD, MockMvcRequestBuilders.post("/api/invitations/bulk/" + id + "/send"))
                .andExpect(status().isNotFound());
        assertThat(processesOf(id)).isEmpty();
        asDemo(get("/api/invitations/bulk/" + id)).andExpect(status().isOk());
    }

    @Test
    void aStepWithARewrittenImportId_invitesNothing() throws Exception {
        String previewed = uniqueEmail();
        long notSent = upload("demo", DEMO_PASSWORD, HEADER + previewed
                + ",Ina,Vogel,en,Standard user,,Acme Corporation\n", null).get("id").asLong();
        long sent = upload("demo", DEMO_PASSWORD, HEADER + uniqueEmail()
                + ",Tom,Kurz,en,Standard user,,Acme Corporation\n", null).get("id").asLong();
        send(sent, "demo", DEMO_PASSWORD);
        String instance = processesOf(sent).get(0).getId();
        runtimeService.setVariable(instance, BulkInvitationProcess.IMPORT_ID.name(), notSent);

        Job step = managementService.createJobQuery().processInstanceId(instance).singleResult();
        assertThatThrownBy(() -> managementService.executeJob(step.getId()))
                .hasMessageContaining("does not send import " + notSent);
        assertThat(users.findByEmailNormalized(previewed)).isEmpty();
    }

    @Test
    void aFileThatCannotBeReadIsRefusedWithTheReason_andStoresNothing() throws Exception {
        long importsBefore = jdbc.queryForObject("select count(*) from bulk_import", Long.class);
        refused("", "The file is empty");
        refused("email,first name\nx@example.com,Ina\n", "missing: last name, role, clients");
        refused(HEADER, "no rows");
        byte[] latin1 = (HEADER + "jörg@example.com,Jörg,Öz,de,Standard user,,Acme Corporation\n")
                .getBytes(StandardCharsets.ISO_8859_1);
        mvc.perform(multipart("/api/invitations/bulk").file(new MockMultipartFile("file", "x.csv", "text/csv", latin1))
                        .with(httpBasic("demo", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("not UTF-8")));
        assertThat(jdbc.queryForObject("select count(*) from bulk_import", Long.class)).isEqualTo(importsBefore);
    }

    @Test
    void theResultFileDefusesFormulas_andDeletingAUserRemovesThemFromImports() throws Exception {
        String email = uniqueEmail();
        String csv = HEADER + email + ",=HYPERLINK(\"x\"),Vogel,en,Standard user,,Acme Corporation\n"
                + "@SUM(1),Tom,Kurz,en,Standard user,,Acme Corporation\n";
        long id = upload("demo", DEMO_PASSWORD, csv, null).get("id").asLong();
        send(id, "demo", DEMO_PASSWORD);
        runSteps(id);
        String result = asDemo(get("/api/invitations/bulk/" + id + "/result.csv")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(result).contains("'@SUM(1)").doesNotContain(",=HYPERLINK").doesNotContain(",@SUM");

        long userId = users.findByEmailNormalized(email).orElseThrow().getId();
        asDemo(MockMvcRequestBuilders.delete("/api/users/" + userId)).andExpect(status().isNoContent());
        String afterDelete = asDemo(get("/api/invitations/bulk/" + id + "/result.csv")).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        assertThat(afterDelete).doesNotContain(email).contains("deleted user #" + userId);
    }

    /** A role written in German in the file shows in the reader's language on the preview. */
    @Test
    void thePreviewNamesRolesInTheReadersLanguage() throws Exception {
        long id = upload("demo", DEMO_PASSWORD, HEADER + uniqueEmail() + ",Ina,Vogel,de,Standardbenutzer,,Acme Corporation\n",
                null).get("id").asLong();
        String english = mvc.perform(get("/users/bulk/" + id).locale(java.util.Locale.ENGLISH).with(
                        org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user("demo").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(english).contains(">Standard user<").doesNotContain("Standardbenutzer");
    }

    /** On the screen a refused file is a refusal too: 400, the form again with the reason, nothing stored. */
    @Test
    void aRefusedFileOnTheScreenIsA400WithTheReason() throws Exception {
        long importsBefore = jdbc.queryForObject("select count(*) from bulk_import", Long.class);
        String page = mvc.perform(multipart("/users/bulk")
                        .file(new MockMultipartFile("file", "empty.csv", "text/csv", new byte[0]))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .user("demo").roles("ADMIN"))
                        .with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
                                .csrf()))
                .andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8);
        assertThat(page).contains("The file was not read:").contains("The file is empty.");
        assertThat(jdbc.queryForObject("select count(*) from bulk_import", Long.class)).isEqualTo(importsBefore);
    }

    private void refused(String csv, String reason) throws Exception {
        mvc.perform(multipart("/api/invitations/bulk")
                        .file(new MockMultipartFile("file", "x.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
                        .with(httpBasic("demo", DEMO_PASSWORD)))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString(reason)));
    }

    private JsonNode upload(String admin, String password, String csv, String personalText) throws Exception {
        // Files differ by name only in tests that reuse one on purpose; a random comment line would change the rows.
        var request = multipart("/api/invitations/bulk")
                .file(new MockMultipartFile("file", "people-" + UUID.randomUUID() + ".csv", "text/csv",
                        csv.getBytes(StandardCharsets.UTF_8)))
                .with(httpBasic(admin, password));
        if (personalText != null) {
            request.param("personalText", personalText);
        }
        String body = mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return json.readTree(body);
    }

    private JsonNode send(long id, String admin, String password) throws Exception {
        return json.readTree(api(admin, password, MockMvcRequestBuilders.post("/api/invitations/bulk/" + id + "/send"))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    /** Runs the import's jobs as the job executor would, step after step, until the process has ended. */
    private void runSteps(long id) {
        for (int step = 0; step < 100; step++) {
            List<ProcessInstance> running = processesOf(id);
            if (running.isEmpty()) {
                return;
            }
            Job job = managementService.createJobQuery().processInstanceId(running.get(0).getId()).singleResult();
            assertThat(job).as("next step of import " + id).isNotNull();
            managementService.executeJob(job.getId());
        }
        throw new AssertionError("Import " + id + " did not end");
    }

    private List<ProcessInstance> processesOf(long id) {
        return runtimeService.createProcessInstanceQuery().processDefinitionKey(BulkInvitationProcess.KEY)
                .processInstanceBusinessKey(BulkInvitationProcess.businessKey(id)).list();
    }

    private static String message(JsonNode summary, int rowNumber) {
        for (JsonNode row : summary.get("rows")) {
            if (row.get("row").asInt() == rowNumber) {
                return row.get("message").asText();
            }
        }
        throw new AssertionError("no row " + rowNumber + " in " + summary);
    }
}
