package com.onboarding.admin;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onboarding.scopes.AdminScope;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.support.IntegrationTest;
import com.onboarding.users.UserAccountRepository;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/** Helpers for the administration tests: Camunda admins with scopes, and API calls as them. */
public abstract class AdminTestSupport extends IntegrationTest {

    protected static final String PASSWORD = "Tulip-Field-7!";

    @Autowired
    protected MockMvc mvc;
    @Autowired
    protected ObjectMapper json;
    @Autowired
    protected IdentityService identity;
    @Autowired
    protected AdminScopes adminScopes;
    @Autowired
    protected UserAccountRepository users;

    protected long acme() {
        return clients.findByNameIgnoreCase("Acme Corporation").orElseThrow().getId();
    }

    protected long globex() {
        return clients.findByNameIgnoreCase("Globex GmbH").orElseThrow().getId();
    }

    /** A Camunda user outside camunda-admin who administers the given clients and may grant these permissions. */
    protected String scopedAdmin(List<Long> clientIds, List<String> permissions) {
        String id = "scoped" + uniqueEmail().substring(5, 13);
        User user = identity.newUser(id);
        user.setFirstName("Scoped");
        user.setLastName("Admin");
        user.setEmail(id + "@onboarding.local");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        adminScopes.update(id, clientIds, permissions, AdminScope.global("demo"));
        return id;
    }

    protected ResultActions api(String admin, String password, MockHttpServletRequestBuilder request) throws Exception {
        return mvc.perform(request.with(httpBasic(admin, password)).contentType(MediaType.APPLICATION_JSON));
    }

    protected ResultActions asDemo(MockHttpServletRequestBuilder request) throws Exception {
        return api("demo", DEMO_PASSWORD, request);
    }

    protected static MockHttpServletRequestBuilder post(String path, Object body) throws Exception {
        return MockMvcRequestBuilders.post(path).content(new ObjectMapper().writeValueAsString(body));
    }

    protected static Map<String, Object> invitation(String email, String role, List<String> permissions, List<Long> clientIds) {
        return Map.of("email", email, "firstName", "Ina", "lastName", "Vogel", "language", "en", "role", role,
                "permissions", permissions, "clients", clientIds);
    }

    /** Invites through the API as demo (global) and returns the new user's id. */
    protected long invite(String email, long clientId) throws Exception {
        var response = asDemo(post("/api/invitations", invitation(email, "STANDARD", List.of(), List.of(clientId))))
                .andReturn().getResponse();
        String body = response.getStatus() + " " + response.getContentAsString();
        JsonNode created = json.readTree(response.getContentAsString().isEmpty() ? "{}" : response.getContentAsString());
        if (!created.has("userId")) {
            throw new AssertionError("Invitation refused: " + body);
        }
        return created.get("userId").asLong();
    }

    protected long invitationIdOf(long userId) {
        return users.findById(userId).orElseThrow().getCurrentInvitationId();
    }

    /** Runs the queued invitation mail of this user (the job executor is off in tests). */
    protected void mailInvitation(long userId) {
        executeJob(invitation(invitationIdOf(userId)).getProcessInstanceId(), "Activity_SendInvitationMail");
    }

    /** A second global admin (in camunda-admin), for four-eyes decisions. */
    protected String globalAdmin() {
        String id = "global" + uniqueEmail().substring(5, 13);
        User user = identity.newUser(id);
        user.setFirstName("Greta");
        user.setLastName("Second");
        user.setEmail(id + "@onboarding.local");
        user.setPassword(PASSWORD);
        identity.saveUser(user);
        identity.createMembership(id, "camunda-admin");
        return id;
    }

    /** Completes a task as this Camunda user, as Tasklist does for them. */
    protected void completeAs(String userId, Task task, Map<String, Object> variables) {
        List<String> groups = identity.createGroupQuery().groupMember(userId).list().stream().map(Group::getId).toList();
        identity.setAuthentication(userId, groups);
        try {
            processEngine.getTaskService().complete(task.getId(), variables);
        } finally {
            identity.clearAuthentication();
        }
    }
}
