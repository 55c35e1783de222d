package com.onboarding.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.admin.AdminTestSupport;
import java.util.List;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.springframework.beans.factory.annotation.Autowired;

/** Invitations driven through bpmn/user-invitation.bpmn step by step: invite, mail, timers, tasks. */
abstract class InvitationFlowSupport extends AdminTestSupport {

    @Autowired
    InvitationCommands commands;
    @Autowired
    TaskService taskService;
    @Autowired
    InvitationSettings settings;

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    long inviteAsDemo(String role, List<String> permissions, String personalText, String language) {
        return commands.invite(new InvitationRequest(uniqueEmail(), "Ina", "Vogel", language, personalText, role,
                permissions, List.of(acme()), "demo")).invitationId();
    }

    long invitedAndMailed() {
        long id = inviteAsDemo("STANDARD", List.of(), "Welcome to the team!\nSee you on Monday.", "en");
        executeJob(invitation(id).getProcessInstanceId(), "Activity_SendInvitationMail");
        return id;
    }

    Job timer(long invitationId, String activityId) {
        return managementService.createJobQuery().processInstanceId(invitation(invitationId).getProcessInstanceId())
                .timers().activityId(activityId).singleResult();
    }

    Task task(long invitationId) {
        return openTaskOf(invitationId);
    }

    Task expire(long id) {
        managementService.executeJob(timer(id, "Event_LinkExpired").getId());
        assertThat(invitation(id).getStatus()).isEqualTo(InvitationStatus.EXPIRED);
        return task(id);
    }
}
