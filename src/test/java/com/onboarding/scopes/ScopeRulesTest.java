package com.onboarding.scopes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.Texts;
import com.onboarding.clients.Client;
import com.onboarding.users.Permission;
import com.onboarding.users.ReferenceData;
import com.onboarding.users.Role;
import com.onboarding.users.UserAccount;
import com.onboarding.users.UserDataRules;
import com.onboarding.users.ValidUserData;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.access.AccessDeniedException;

/** What an administrator may see and grant (AdminScope, Grants), without Spring or a database. */
class ScopeRulesTest {

    final Client acme = client(1L, "Acme");
    final Client globex = client(2L, "Globex");
    final Role standard = reference(Role.class, "STANDARD", "Standard user");
    final Role administrator = reference(Role.class, AdminScope.ADMINISTRATOR_ROLE, "Administrator");
    final Permission export = reference(Permission.class, "EXPORT", "Export");
    final Permission payments = reference(Permission.class, "APPROVE_PAYMENTS", "Approve payments");

    final UserDataRules userDataRules = mock(UserDataRules.class);
    final Texts texts = mock(Texts.class);
    final Grants grants = new Grants(null, null, null, userDataRules, texts);

    final AdminScope global = AdminScope.global("anna");
    final AdminScope acmeOnly = new AdminScope("carl", false, Set.of(1L), Set.of("EXPORT"));
    final AdminScope nothing = new AdminScope("dora", false, Set.of(), Set.of());

    @BeforeEach
    void messagesByKey() {
        when(texts.of(anyString(), any(Object[].class))).thenAnswer(call -> call.getArgument(0));
        when(userDataRules.unknownClient(any())).thenAnswer(call -> "user.client.unknown " + call.getArgument(0));
    }

    @Test
    void aScopedAdminCoversAUserOnlyWhenEveryClientOfTheUserIsTheirs() {
        assertThat(acmeOnly.coversUser(user(acme))).isTrue();
        assertThat(acmeOnly.coversUser(user(acme, globex))).as("shared with another client").isFalse();
        assertThat(acmeOnly.coversUser(user(globex))).isFalse();
        assertThat(global.coversUser(user(acme, globex))).isTrue();
    }

    @Test
    void aScopedAdminNeverGrantsTheAdministratorRole_norPermissionsBeyondTheirOwn() {
        assertThat(acmeOnly.mayGrantRole(AdminScope.ADMINISTRATOR_ROLE)).isFalse();
        assertThat(acmeOnly.mayGrantRole("STANDARD")).isTrue();
        assertThat(acmeOnly.mayGrantPermission("EXPORT")).isTrue();
        assertThat(acmeOnly.mayGrantPermission("APPROVE_PAYMENTS")).isFalse();
        assertThat(global.mayGrantRole(AdminScope.ADMINISTRATOR_ROLE)).isTrue();
        assertThat(global.mayGrantPermission("APPROVE_PAYMENTS")).isTrue();
    }

    @Test
    void everyGrantBeyondTheScope_isAProblemAtItsField() {
        List<Problem> problems = grants.problems(acmeOnly,
                data(administrator, Set.of(export, payments), Set.of(acme, globex)));
        assertThat(problems).extracting(Problem::field).containsExactlyInAnyOrder("role", "permissions", "clients");
        assertThat(problems).extracting(Problem::message).containsExactlyInAnyOrder("scope.role.notGrantable",
                "scope.permission.notGrantable", "user.client.unknown 2");
    }

    @Test
    void anotherClient_readsAsAClientThatDoesNotExist() {
        assertThat(grants.problems(acmeOnly, data(standard, Set.of(), Set.of(globex))))
                .containsExactly(new Problem("clients", "user.client.unknown 2"));
    }

    @Test
    void withinTheScope_noProblem_andAGlobalAdminMayGrantEverything() {
        assertThat(grants.problems(acmeOnly, data(standard, Set.of(export), Set.of(acme)))).isEmpty();
        assertThat(grants.problems(global, data(administrator, Set.of(export, payments), Set.of(acme, globex))))
                .isEmpty();
    }

    @Test
    void anAdminWithoutClients_administersNothing() {
        assertThat(nothing.isAdministrator()).isFalse();
        assertThat(grants.problems(nothing, data(standard, Set.of(), Set.of(acme))))
                .containsExactly(new Problem("clients", "scope.noClients"));
        assertThatThrownBy(() -> acmeOnly.requireGlobal("manage webhooks"))
                .isInstanceOf(AccessDeniedException.class).hasMessageContaining("manage webhooks");
        global.requireGlobal("manage webhooks");
    }

    private static ValidUserData data(Role role, Set<Permission> permissions, Set<Client> clients) {
        return new ValidUserData("Ina", "Vogel", null, role, permissions, clients);
    }

    private static UserAccount user(Client... clients) {
        UserAccount user = mock(UserAccount.class);
        when(user.getClients()).thenReturn(Set.of(clients));
        return user;
    }

    private static Client client(long id, String name) {
        Client client = mock(Client.class);
        when(client.getId()).thenReturn(id);
        when(client.getName()).thenReturn(name);
        return client;
    }

    private static <T extends ReferenceData> T reference(Class<T> type, String code, String name) {
        T item = mock(type);
        when(item.getCode()).thenReturn(code);
        when(item.getName()).thenReturn(name);
        return item;
    }
}
