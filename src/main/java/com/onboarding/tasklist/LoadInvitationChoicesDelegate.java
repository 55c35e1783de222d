package com.onboarding.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onboarding.admin.AdminScope;
import com.onboarding.admin.AdminScopes;
import com.onboarding.clients.ClientRepository;
import com.onboarding.engine.EngineActor;
import com.onboarding.users.Language;
import com.onboarding.users.PermissionRepository;
import com.onboarding.users.RoleRepository;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.plugin.variable.SpinValues;
import org.springframework.stereotype.Component;

/**
 * Service task "Load choices": puts the current roles, permissions and clients into Json variables that the
 * Camunda Form reads through "valuesKey". This is why Tasklist's "Invite user" is a user task and not a start
 * form: Tasklist loads no variables for start forms, so their options could only be typed into the form.
 */
@Component("loadInvitationChoices")
class LoadInvitationChoicesDelegate implements JavaDelegate {

    record Option(String label, String value) {
    }

    private final RoleRepository roles;
    private final PermissionRepository permissions;
    private final ClientRepository clients;
    private final ObjectMapper json;
    private final AdminScopes adminScopes;
    private final EngineActor engineActor;

    LoadInvitationChoicesDelegate(RoleRepository roles, PermissionRepository permissions, ClientRepository clients,
            ObjectMapper json, AdminScopes adminScopes, EngineActor engineActor) {
        this.roles = roles;
        this.permissions = permissions;
        this.clients = clients;
        this.json = json;
        this.adminScopes = adminScopes;
        this.engineActor = engineActor;
    }

    @Override
    public void execute(DelegateExecution execution) throws JsonProcessingException {
        // Offer only what this admin may grant; the server checks again on submission.
        AdminScope scope = adminScopes.of(engineActor.current()
                .orElseThrow(() -> new AuthorizationException("Sign in to invite users.")));
        setOptions(execution, InviteUserProcess.LANGUAGE_OPTIONS, Arrays.stream(Language.values())
                .map(l -> new Option(l.displayName(), l.code())).toList());
        setOptions(execution, InviteUserProcess.ROLE_OPTIONS, roles.findAllByOrderByNameAsc().stream()
                .filter(r -> scope.mayGrantRole(r.getCode()))
                .map(r -> new Option(r.getName() + " – " + r.getDescription(), r.getCode())).toList());
        setOptions(execution, InviteUserProcess.PERMISSION_OPTIONS, permissions.findAllByOrderByNameAsc().stream()
                .filter(p -> scope.mayGrantPermission(p.getCode()))
                .map(p -> new Option(p.getName() + " – " + p.getDescription(), p.getCode())).toList());
        setOptions(execution, InviteUserProcess.CLIENT_OPTIONS, clients.findAllByOrderByNameAsc().stream()
                .filter(c -> scope.coversClient(c.getId()))
                .map(c -> new Option(c.getName(), String.valueOf(c.getId()))).toList());
    }

    private void setOptions(DelegateExecution execution, String name, List<Option> options)
            throws JsonProcessingException {
        execution.setVariable(name, SpinValues.jsonValue(json.writeValueAsString(options)).create());
    }
}
