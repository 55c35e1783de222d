package com.onboarding.language;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.admin.AdminTestSupport;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Tasklist shows the engine's one name per task: it is the name in the language of whoever has the task, and
 * follows the task when it is claimed or given back.
 */
class TaskNamesTest extends AdminTestSupport {

    @Autowired
    TaskService tasks;

    @Test
    void anApprovalIsNamedForTheGroup_thenForWhoeverClaimsIt() throws Exception {
        String german = globalAdmin();
        identity.setUserInfo(german, LanguageResolver.USER_INFO_KEY, "de");
        String body = asDemo(post("/api/invitations", invitation(uniqueEmail(), "ADMINISTRATOR", List.of(),
                List.of(acme())))).andReturn().getResponse().getContentAsString();
        long invitationId = json.readTree(body).get("invitationId").asLong();

        assertThat(task(invitationId).getName()).as("offered to all: onboarding.admin-language").isEqualTo("Approve invitation");
        tasks.claim(task(invitationId).getId(), german);
        assertThat(task(invitationId).getName()).isEqualTo("Einladung freigeben");
        tasks.setAssignee(task(invitationId).getId(), null);
        assertThat(task(invitationId).getName()).isEqualTo("Approve invitation");
    }

    private Task task(long invitationId) {
        return openTaskOf(invitationId);
    }
}
