package com.onboarding.versions;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.admin.AdminTestSupport;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditEventRepository;
import com.onboarding.authority.CamundaGrants;
import com.onboarding.engine.InstanceMigration;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.support.Http;
import com.onboarding.support.ModelVersions;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Process versions: a process owner sees which version each running invitation is on and where it waits, and moves
 * an older version's instances to the latest version (a Camunda batch), audited; a scoped admin sees nothing.
 */
class ProcessVersionsTest extends AdminTestSupport {

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;
    @Autowired
    InstanceMigration migration;
    @Autowired
    AuditEventRepository audit;

    @Test
    void aProcessOwnerMovesAnOlderVersionsInstances_aScopedAdminSeesNothing() throws Exception {
        long userId = invite(uniqueEmail(), acme());
        mailInvitation(userId);
        String instance = invitation(invitationIdOf(userId)).getProcessInstanceId();
        ProcessDefinition v1 = ModelVersions.latest(repository, InvitationProcess.KEY);
        String model = ModelVersions.model("user-invitation.bpmn");
        ProcessDefinition v2 = ModelVersions.deploy(repository, "user-invitation.bpmn",
                model.replace("name=\"Complete registration\"", "name=\"Registration by the invitee\""), InvitationProcess.KEY);
        try {
            String owner = processOwner();
            Http session = Http.session(port, owner, PASSWORD);
            String page = session.get("/versions").body();
            assertThat(page).contains("<h1>Process versions</h1>").contains("User invitation")
                    .contains("Complete registration").contains("/versions/" + v1.getId() + "/move");
            assertThat(Http.session(port, scopedAdmin(List.of(acme()), List.of()), PASSWORD).get("/versions").status())
                    .isEqualTo(403);

            Http.Response moved = session.formWithToken("/versions/" + v1.getId() + "/move", Map.of(),
                    Http.csrfToken(page));
            assertThat(moved.header("Location")).endsWith("/versions");
            // The batch's seed, migration and monitor jobs belong to no instance.
            runDueJobs(() -> managementService.createJobQuery().executable().list().stream()
                    .filter(job -> job.getProcessInstanceId() == null).toList());
            assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instance).singleResult()
                    .getProcessDefinitionId()).isEqualTo(v2.getId());
            assertThat(audit.findAll()).anySatisfy(event -> {
                assertThat(event.getAction()).isEqualTo(AuditAction.PROCESS_INSTANCES_MIGRATED);
                assertThat(event.getActor()).isEqualTo(owner);
                assertThat(event.getDetails()).startsWith("user-invitation version " + v1.getVersion());
            });
            String after = session.get("/versions").body();
            assertThat(after).contains("Registration by the invitee")
                    .doesNotContain("/versions/" + v1.getId() + "/move");

            Http.Response latest = session.formWithToken("/versions/" + v2.getId() + "/move", Map.of(),
                    Http.csrfToken(after));
            assertThat(latest.status()).isEqualTo(409);
            assertThat(latest.body()).contains("is the latest version of its process");
            assertThat(session.formWithToken("/versions/" + v1.getId() + "/move", Map.of(), Http.csrfToken(after))
                    .body()).contains("has no running instances to move");
        } finally {
            ProcessDefinition v3 = ModelVersions.deploy(repository, "user-invitation.bpmn", model,
                    InvitationProcess.KEY);
            migration.migrate(v2, v3, Map.of());
        }
    }

    private String processOwner() {
        String owner = "owner" + uniqueEmail().substring(5, 13);
        User user = identity.newUser(owner);
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(owner, CamundaGrants.PROCESS_OWNERS);
        return owner;
    }
}
