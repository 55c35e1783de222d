package com.onboarding.invitation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import com.onboarding.engine.PersonalDataHistoryLevel;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.support.Http;
import com.onboarding.support.IntegrationTest;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserStatus;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.camunda.spin.plugin.variable.SpinValues;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** The admin's "Invite user" in Camunda Tasklist: options from the database, the form, and no personal data in history. */
@ExtendWith(OutputCaptureExtension.class)
class TasklistInviteUserTest extends IntegrationTest {

    @Autowired
    IdentityService identityService;
    @Autowired
    TaskService taskService;
    @Autowired
    FormService formService;
    @Autowired
    HistoryService historyService;
    @Autowired
    UserAccountRepository users;
    @Autowired
    AdminScopes adminScopes;

    @AfterEach
    void signOut() {
        identityService.clearAuthentication();
    }

    Task startAsDemo() {
        identityService.setAuthentication("demo", List.of("camunda-admin"));
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("invite-user");
        assertThat(instance).isWaitingAt("Activity_EnterUserData");
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();
        assertThat(task.getAssignee()).isEqualTo("demo");
        return task;
    }

    Map<String, Object> formValues(String email, String clientId) {
        Map<String, Object> values = new HashMap<>();
        values.put("email", email);
        values.put("firstName", "Tasklist");
        values.put("lastName", "Person");
        values.put("language", "de");
        values.put("personalText", "Hallo!");
        values.put("role", "READ_ONLY");
        values.put("permissions", SpinValues.jsonValue("[\"EXPORT_DATA\",\"VIEW_REPORTS\"]").create());
        values.put("clients", SpinValues.jsonValue("[\"" + clientId + "\"]").create());
        return values;
    }

    @Test
    void formOptionsComeFromTheDatabase() {
        Task task = startAsDemo();
        SpinJsonNode clientOptions = Spin.JSON(taskService.getVariable(task.getId(), "clientOptions").toString());
        List<String> clientNames = clientOptions.elements().stream().map(o -> o.prop("label").stringValue()).toList();
        assertThat(clientNames).isSorted().containsAll(clients.findAllByOrderByNameAsc().stream().map(c -> c.getName()).toList())
                .contains("Acme Corporation", "Globex GmbH", "Initech AG");
        SpinJsonNode roleOptions = Spin.JSON(taskService.getVariable(task.getId(), "roleOptions").toString());
        assertThat(roleOptions.elements().stream().map(o -> o.prop("value").stringValue()))
                .containsExactlyInAnyOrder("ADMINISTRATOR", "STANDARD", "READ_ONLY");
        SpinJsonNode permissionOptions = Spin.JSON(taskService.getVariable(task.getId(), "permissionOptions").toString());
        assertThat(permissionOptions.elements()).hasSize(5);
    }

    @Test
    void scopedAdminsAreOfferedOnlyWhatTheyMayGrant() {
        String admin = "tasklist" + uniqueEmail().substring(5, 13);
        identityService.saveUser(identityService.newUser(admin));
        long acme = clients.findByNameIgnoreCase("Acme Corporation").orElseThrow().getId();
        adminScopes.update(admin, List.of(acme), List.of("VIEW_REPORTS"), AdminScope.global("demo"));
        identityService.setAuthenticatedUserId(admin);
        ProcessInstance instance = runtimeService.startProcessInstanceByKey("invite-user");
        Task task = taskService.createTaskQuery().processInstanceId(instance.getId()).singleResult();

        assertThat(options(task, "clientOptions")).containsExactly("Acme Corporation");
        assertThat(options(task, "permissionOptions")).containsExactly("View reports – Open the reporting dashboards");
        assertThat(options(task, "roleOptions")).noneMatch(label -> label.startsWith("Administrator"));
    }

    List<String> options(Task task, String variable) {
        return Spin.JSON(taskService.getVariable(task.getId(), variable).toString()).elements().stream()
                .map(o -> o.prop("label").stringValue()).toList();
    }

    @Test
    void submittingTheFormStartsTheInvitation_andNoPersonalDataReachesHistory() {
        Task task = startAsDemo();
        String email = uniqueEmail();
        String clientId = String.valueOf(clients.findByNameIgnoreCase("Globex GmbH").orElseThrow().getId());

        formService.submitTaskForm(task.getId(), formValues(email, clientId));

        var user = users.findByEmailNormalized(email).orElseThrow();
        assertThat(user.getStatus()).isEqualTo(UserStatus.INVITED);
        assertThat(user.getPermissions()).extracting("code").containsExactlyInAnyOrder("EXPORT_DATA", "VIEW_REPORTS");
        assertThat(user.getClients()).extracting("name").containsExactly("Globex GmbH");
        Invitation invitation = invitations.findByUserIdOrderByCreatedAtDesc(user.getId()).get(0);
        assertThat(invitation.getInvitedBy()).isEqualTo("demo");
        assertThat(invitation.getPersonalText()).isEqualTo("Hallo!");
        assertThat(processOf(invitation.getId())).isWaitingAt("Activity_SendInvitationMail");

        for (String name : personalVariables()) {
            assertThat(historyService.createHistoricVariableInstanceQuery().variableName(name).count())
                    .as("historic variable " + name).isZero();
        }
        // No variable change leaves a detail row at all (PersonalDataHistoryLevel).
        assertThat(historyService.createHistoricDetailQuery().processInstanceId(task.getProcessInstanceId()).count())
                .isZero();
        assertThat(runtimeService.createVariableInstanceQuery().variableName("email").count()).isZero();
        // The invitation process holds the user's row only: no name, no address (the invitation is its business key;
        // needsApproval is transient, never stored).
        assertThat(runtimeService.getVariables(processOf(invitation.getId()).getId()))
                .containsOnlyKeys("userLink")
                .containsEntry("userLink", "/users/" + user.getId());
    }

    @Test
    void aRefusalReachesTasklistAsTheSentenceAlone_andIsNotLoggedWithTheData(CapturedOutput output) {
        var rest = Http.basic(port, "demo", DEMO_PASSWORD);
        String started = rest.json("POST", "/engine-rest/process-definition/key/invite-user/start", "{}").body();
        String instance = started.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
        String taskId = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
        String marker = "leak-check-" + uniqueEmail().substring(5, 13);

        var refused = rest.json("POST", "/engine-rest/task/" + taskId + "/submit-form",
                "{\"variables\":{\"email\":{\"value\":\"" + marker + "\"},\"personalText\":{\"value\":\"" + marker
                        + "\"}}}");

        assertThat(refused.status()).isEqualTo(400);
        assertThat(refused.body()).contains("\"message\":\"The invitation was not sent: '" + marker
                + "' is not a valid email address.").doesNotContain(taskId);
        assertThat(output.getAll()).doesNotContain(marker);
    }

    @Test
    void valuesOfTheWrongTypeFromARestCaller_areRefusedAsBadRequests() {
        var rest = Http.basic(port, "demo", DEMO_PASSWORD);
        for (String[] wrong : new String[][] {
                {"{\"email\":{\"value\":42,\"type\":\"Integer\"}}", "the field 'email' must be text"},
                {"{\"email\":{\"value\":\"" + uniqueEmail() + "\"},\"clients\":{\"value\":\"[[[\",\"type\":\"Json\"}}",
                        "the field 'clients' is not a valid list"}}) {
            String started = rest.json("POST", "/engine-rest/process-definition/key/invite-user/start", "{}").body();
            String instance = started.replaceAll("(?s).*\"id\":\"([^\"]+)\".*", "$1");
            String taskId = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
            var refused = rest.json("POST", "/engine-rest/task/" + taskId + "/submit-form", "{\"variables\":" + wrong[0] + "}");
            assertThat(refused.status()).as(refused.body()).isEqualTo(400);
            assertThat(refused.body()).contains(wrong[1]).doesNotContain("SPIN/").doesNotContain("ClassCastException");
            assertThat(taskService.createTaskQuery().taskId(taskId).count()).as("the task stays open").isOne();
        }
    }

    @org.springframework.boot.test.web.server.LocalServerPort
    int port;

    /** What the engine keeps out of history: the variables the processes declare personal. */
    java.util.Set<String> personalVariables() {
        var level = (PersonalDataHistoryLevel) ((org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl)
                processEngine.getProcessEngineConfiguration()).getHistoryLevel();
        assertThat(level.personalVariables()).containsExactlyInAnyOrder("email", "firstName", "lastName", "personalText",
                "rejectionReason");
        return level.personalVariables();
    }

    @Test
    void rejectedFormShowsTheReasonAndCreatesNothing() {
        Task task = startAsDemo();
        long usersBefore = users.count();

        assertThatThrownBy(() -> formService.submitTaskForm(task.getId(), formValues("not-an-email", "999999")))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("'not-an-email' is not a valid email address.")
                .hasMessageContaining("Client 999999 does not exist.");

        assertThat(users.count()).isEqualTo(usersBefore);
        assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    }
}
