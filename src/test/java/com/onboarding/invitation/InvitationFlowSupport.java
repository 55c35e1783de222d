package com.onboarding.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.admin.AdminTestSupport;
import java.util.Date;
import java.util.List;
import java.util.stream.Stream;
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

    /**
     * The pending reminder's timer ("Reminder due" on the waiting step, then "Next reminder due"), or null when no
     * reminder lies ahead: with none left the first one waits for the link's end, where it finds nothing to do.
     */
    Job reminder(long invitationId) {
        Invitation invitation = invitation(invitationId);
        return Stream.of(InvitationProcess.Elements.FIRST_REMINDER_DUE, InvitationProcess.Elements.NEXT_REMINDER_DUE)
                .map(activity -> managementService.createJobQuery().processInstanceId(invitation.getProcessInstanceId())
                        .timers().activityId(activity).singleResult())
                .filter(job -> job != null && job.getDuedate().before(Date.from(invitation.getExpiresAt())))
                .findFirst().orElse(null);
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
