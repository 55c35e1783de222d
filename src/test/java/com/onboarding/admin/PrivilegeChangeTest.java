package com.onboarding.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.onboarding.approval.ApprovalProcess;
import com.onboarding.audit.AuditAction;
import com.onboarding.audit.AuditEvent;
import com.onboarding.audit.AuditEventRepository;
import com.onboarding.privileges.PrivilegeChangeProcess;
import com.onboarding.users.Permission;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.json.SpinJsonNode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Four-eyes for edits: granting a sensitive role or permission waits for another global admin. */
class PrivilegeChangeTest extends AdminTestSupport {

    @Autowired
    TaskService taskService;
    @Autowired
    HistoryService historyService;
    @Autowired
    AuditEventRepository auditEvents;

    @AfterEach
    void signOut() {
        identity.clearAuthentication();
    }

    static Map<String, Object> data(String role, List<String> permissions, List<Long> clients) {
        return Map.of("firstName", "Ina", "lastName", "Vogel-Neu", "language", "de", "roleCode", role,
                "permissionCodes", permissions, "clientIds", clients);
    }

    Task approvalTask(long userId) {
        return taskService.createTaskQuery().processDefinitionKey(ApprovalProcess.KEY)
                .processInstanceBusinessKeyLike(PrivilegeChangeProcess.BUSINESS_KEY.prefix() + "%").list().stream()
                .filter(task -> ("/users/" + userId).equals(taskService.getVariable(task.getId(),
                        PrivilegeChangeProcess.USER_LINK.name())))
                .findFirst().orElse(null);
    }

    long editedToAdministrator() throws Exception {
        long userId = invite(uniqueEmail(), acme());
        asDemo(put("/api/users/" + userId).content(json.writeValueAsString(
                data("ADMINISTRATOR", List.of("VIEW_REPORTS"), List.of(acme(), globex())))))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.role").value("Standard user"))
                .andExpect(jsonPath("$.lastName").value("Vogel-Neu"))
                .andExpect(jsonPath("$.clients.length()").value(2))
                .andExpect(jsonPath("$.pendingChange").value("role Administrator, permissions View reports"));
        return userId;
    }

    @Test
    void editingToAdministrator_keepsTheRoleUntilApprovedAndAppliesTheRestAtOnce() throws Exception {
        long userId = editedToAdministrator();
        var user = users.findById(userId).orElseThrow();
        assertThat(user.getRole().getCode()).isEqualTo("STANDARD");
        assertThat(user.getLastName()).isEqualTo("Vogel-Neu");
        Task task = approvalTask(userId);
        assertThat(task).isNotNull();
        assertThat(task.getName()).isEqualTo("Approve privilege change");
        SpinJsonNode summary = (SpinJsonNode) taskService.getVariable(task.getId(),
                ApprovalProcess.SUMMARY.name());
        assertThat(summary.prop("en").stringValue()).contains("Requested: role Administrator")
                .contains("Today: role Standard user").contains("(demo)").doesNotContain(user.getEmail());
        assertThat(summary.prop("de").stringValue()).contains("Beantragt: Rolle Administrator")
                .contains("Heute: Rolle ");
    }

    @Test
    void theRequesterCannotApprove_aSecondGlobalAdminCan() throws Exception {
        long userId = editedToAdministrator();
        Task task = approvalTask(userId);
        assertThatThrownBy(() -> completeAs("demo", task,
                Map.of(ApprovalProcess.DECISION.name(), ApprovalProcess.APPROVE)))
                .hasMessageContaining("another global administrator has to approve");
        assertThat(users.findById(userId).orElseThrow().getRole().getCode()).isEqualTo("STANDARD");

        String approver = globalAdmin();
        completeAs(approver, task, Map.of(ApprovalProcess.DECISION.name(), ApprovalProcess.APPROVE));

        var user = users.findById(userId).orElseThrow();
        assertThat(user.getRole().getCode()).isEqualTo("ADMINISTRATOR");
        assertThat(user.getPermissions()).extracting(Permission::getCode).containsExactly("VIEW_REPORTS");
        assertThat(approvalTask(userId)).isNull();
        asDemo(get("/api/users/" + userId)).andExpect(jsonPath("$.role").value("Administrator"))
                .andExpect(jsonPath("$.pendingChange").doesNotExist());
        assertThat(auditEvents.findBySubjectUserIdOrderByOccurredAtAsc(userId)).extracting(AuditEvent::getAction)
                .containsSubsequence(AuditAction.USER_EDITED, AuditAction.PRIVILEGE_CHANGE_REQUESTED,
                        AuditAction.PRIVILEGE_CHANGE_APPROVED);
    }

    @Test
    void rejection_keepsTheRoleAndTellsTheRequesterWhy() throws Exception {
        long userId = editedToAdministrator();
        Task task = approvalTask(userId);
        completeAs(globalAdmin(), task, Map.of(ApprovalProcess.DECISION.name(),
                ApprovalProcess.REJECT, ApprovalProcess.REJECTION_REASON.name(), "Not without training."));
        assertThat(users.findById(userId).orElseThrow().getRole().getCode()).isEqualTo("STANDARD");

        String instance = historyService.createHistoricTaskInstanceQuery().taskId(task.getId()).singleResult()
                .getProcessInstanceId();
        executeJob(instance, "Activity_MailApprovalRejection");
        MimeMessage mail = mailsTo("demo@onboarding.local").get(0);
        assertThat(mail.getSubject()).isEqualTo("Change for Ina Vogel-Neu rejected");
        assertThat(textPart(mail)).contains("Greta Second rejected the change you asked for Ina Vogel-Neu")
                .contains("role Administrator").contains("Not without training.");
        assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instance)
                .variableName(ApprovalProcess.REJECTION_REASON.name()).count()).isZero();
    }

    @Test
    void aNewerEditReplacesThePendingRequest() throws Exception {
        long userId = editedToAdministrator();
        Task first = approvalTask(userId);
        asDemo(put("/api/users/" + userId).content(json.writeValueAsString(
                data("STANDARD", List.of("APPROVE_PAYMENTS"), List.of(acme())))))
                .andExpect(jsonPath("$.pendingChange").value("role Standard user, permissions Approve payments (sensitive)"));
        Task second = approvalTask(userId);
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(taskService.createTaskQuery().taskId(first.getId()).count()).isZero();

        asDemo(put("/api/users/" + userId).content(json.writeValueAsString(
                data("READ_ONLY", List.of(), List.of(acme())))))
                .andExpect(jsonPath("$.role").value("Read-only"))
                .andExpect(jsonPath("$.pendingChange").doesNotExist());
        assertThat(approvalTask(userId)).isNull();
    }

    @Test
    void keepingAnAlreadyHeldSensitivePermission_needsNoApproval() throws Exception {
        long userId = editedToAdministrator();
        completeAs(globalAdmin(), approvalTask(userId),
                Map.of(ApprovalProcess.DECISION.name(), ApprovalProcess.APPROVE));
        asDemo(put("/api/users/" + userId).content(json.writeValueAsString(
                data("ADMINISTRATOR", List.of(), List.of(acme())))))
                .andExpect(jsonPath("$.pendingChange").doesNotExist());
        assertThat(approvalTask(userId)).isNull();
    }

    @Test
    void deletingTheUser_deletesThePendingRequestEverywhere() throws Exception {
        long userId = editedToAdministrator();
        Task task = approvalTask(userId);
        String caller = historyService.createHistoricProcessInstanceQuery()
                .processInstanceId(task.getProcessInstanceId()).singleResult().getSuperProcessInstanceId();
        assertThat(caller).isNotNull();
        asDemo(MockMvcRequestBuilders.delete("/api/users/" + userId)).andExpect(status().isNoContent());
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
        assertThat(historyService.createHistoricProcessInstanceQuery()
                .processInstanceIds(java.util.Set.of(task.getProcessInstanceId(), caller)).count())
                .as("the change's instance and the approval it called, in history").isZero();
    }
}
