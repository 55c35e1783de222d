package com.onboarding.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onboarding.admin.AdminTestSupport;
import com.onboarding.engine.ProcessVersionsAtStart;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationRequest;
import com.onboarding.invitation.InvitationStatus;
import com.onboarding.privileges.PrivilegeChangeProcess;
import com.onboarding.support.ModelVersions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An installation upgraded while invitations and privilege changes wait for their approval in the versions deployed
 * before the approval was one process (src/test/resources/earlier-versions: the approval inline, its own forms and
 * step names). Those instances cannot move into a call activity: they stay on their version, the start goes on (the
 * earlier step names still resolve), and the second admin's decision finishes them there. So does an invitation that
 * waits for its invitee beside a planned reminder: the reminders left their parallel path for a timer on the waiting
 * step, a shape it cannot move into; its reminder goes out there ("Plan next reminder" still resolves).
 */
class EarlierApprovalVersionsTest extends AdminTestSupport {

    @Autowired
    RepositoryService repository;
    @Autowired
    InvitationCommands commands;
    @Autowired
    ProcessVersionsAtStart nextStart;

    @Test
    void waitingApprovalsFinishOnTheirVersion_theRestMoves() throws Exception {
        ProcessDefinition earlierInvitation = deployEarlier("user-invitation", InvitationProcess.KEY);
        ProcessDefinition earlierChange = deployEarlier("privilege-change", PrivilegeChangeProcess.KEY);
        long awaitingApproval = invite("ADMINISTRATOR");
        long open = invite("STANDARD");
        executeJob(invitation(open).getProcessInstanceId(), "SendInvitationMail"); // the earlier version's id
        long userId = invite(uniqueEmail(), acme());
        asDemo(put("/api/users/" + userId).content(json.writeValueAsString(Map.of("firstName", "Ina", "lastName",
                "Vogel", "language", "en", "roleCode", "ADMINISTRATOR", "permissionCodes", List.of(), "clientIds",
                List.of(acme()))))).andExpect(status().isOk());
        ProcessInstance change = runtimeService.createProcessInstanceQuery()
                .processDefinitionId(earlierChange.getId()).singleResult();

        // The upgrade: this code's models become the latest versions, then what every start does.
        ProcessDefinition invitationNow = redeployCurrent("user-invitation.bpmn", InvitationProcess.KEY);
        ProcessDefinition changeNow = redeployCurrent("privilege-change.bpmn", PrivilegeChangeProcess.KEY);
        nextStart.afterSingletonsInstantiated();

        assertThat(definitionOf(invitation(awaitingApproval).getProcessInstanceId())).isEqualTo(earlierInvitation.getId());
        assertThat(definitionOf(change.getId())).isEqualTo(earlierChange.getId());
        assertThat(definitionOf(invitation(open).getProcessInstanceId()))
                .as("waiting for the invitee beside a planned reminder: stays").isEqualTo(earlierInvitation.getId());
        assertThat(invitationNow.getVersion()).isGreaterThan(earlierInvitation.getVersion());

        Task approval = openTaskOf(awaitingApproval);
        assertThat(approval.getTaskDefinitionKey()).isEqualTo("ApproveInvitation");
        completeAs(globalAdmin(), approval, Map.of(ApprovalProcess.DECISION.name(), ApprovalProcess.APPROVE));
        assertThat(invitation(awaitingApproval).getStatus()).isEqualTo(InvitationStatus.PENDING);
        executeJob(invitation(awaitingApproval).getProcessInstanceId(), "SendInvitationMail"); // stays there
        assertThat(mailsTo(invitation(awaitingApproval).getUser().getEmail())).hasSize(1);

        Task changeTask = processEngine.getTaskService().createTaskQuery().processInstanceId(change.getId())
                .singleResult();
        assertThat(changeTask.getTaskDefinitionKey()).isEqualTo("ApprovePrivilegeChange");
        completeAs(globalAdmin(), changeTask, Map.of(ApprovalProcess.DECISION.name(), ApprovalProcess.REJECT,
                ApprovalProcess.REJECTION_REASON.name(), "Not yet."));
        executeJob(change.getId(), "MailPrivilegeRejection");
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(change.getId()).count()).isZero();
        assertThat(mailsTo("demo@onboarding.local")).extracting(mail -> mail.getSubject())
                .contains("Change for Ina Vogel rejected");
        assertThat(changeNow.getVersion()).isGreaterThan(earlierChange.getVersion());

        String openInstance = invitation(open).getProcessInstanceId();
        clock.advance(Duration.ofDays(18).plusMinutes(1));
        managementService.executeJob(managementService.createJobQuery().processInstanceId(openInstance).timers()
                .activityId("ReminderDue").singleResult().getId());
        executeJob(openInstance, "SendReminder");
        assertThat(mailsTo(invitation(open).getUser().getEmail())).extracting(mail -> mail.getSubject())
                .anyMatch(subject -> subject.startsWith("Reminder: your invitation"));
        assertThat(definitionOf(openInstance)).isEqualTo(earlierInvitation.getId());
    }

    private long invite(String role) {
        return commands.invite(new InvitationRequest(uniqueEmail(), "Ina", "Vogel", "en", null, role, List.of(),
                List.of(acme()), "demo")).invitationId();
    }

    private String definitionOf(String processInstanceId) {
        return runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId).singleResult()
                .getProcessDefinitionId();
    }

    /** A model as deployed before the approval was one process, with the forms of its deployment then. */
    private ProcessDefinition deployEarlier(String name, String key) {
        var deployment = repository.createDeployment().name("before four-eyes-approval.bpmn")
                .addString("bpmn/" + name + ".bpmn", ModelVersions.earlier(name + ".bpmn"));
        for (String form : List.of("approve-invitation", "approve-privilege-change", "follow-up-expired-invitation")) {
            String earlierForm = form.startsWith("approve") ? ModelVersions.earlier("forms/" + form + ".form")
                    : ModelVersions.form(form + ".form");
            String earlierGerman = form.startsWith("approve") ? ModelVersions.earlier("forms/de/" + form + ".form")
                    : ModelVersions.form("de/" + form + ".form");
            deployment.addString("forms/" + form + ".form", earlierForm).addString("forms/de/" + form + ".form",
                    earlierGerman);
        }
        deployment.deploy();
        return ModelVersions.latest(repository, key);
    }

    private ProcessDefinition redeployCurrent(String file, String key) {
        return ModelVersions.deploy(repository, file, ModelVersions.model(file), key);
    }
}
