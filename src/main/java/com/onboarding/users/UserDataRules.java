package com.onboarding.users;

import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.Texts;
import com.onboarding.clients.Client;
import com.onboarding.clients.ClientRepository;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * The one place that decides whether a user's data is acceptable, on invitation and on edit: the shape of each field
 * (declared on the record with Bean Validation, messages in messages*.properties) and whether the language, role,
 * permissions and clients it names exist. What an admin may grant is the scope's concern (scopes.AdminScope).
 */
@Component
public class UserDataRules {

    /** The form's and the API's field names for the record's components. */
    private static final Map<String, String> FIELDS = Map.of("roleCode", "role", "permissionCodes", "permissions",
            "clientIds", "clients");

    private final Validator validator;
    private final Texts texts;
    private final RoleRepository roles;
    private final PermissionRepository permissions;
    private final ClientRepository clients;

    public UserDataRules(Validator validator, Texts texts, RoleRepository roles,
            PermissionRepository permissions, ClientRepository clients) {
        this.validator = validator;
        this.texts = texts;
        this.roles = roles;
        this.permissions = permissions;
        this.clients = clients;
    }

    /** The problems of a record's declared constraints, each with its field (as the forms name it) and sentence. */
    public <T> List<Problem> shapeProblems(T record) {
        return validator.validate(record).stream()
                .sorted((a, b) -> a.getPropertyPath().toString().compareTo(b.getPropertyPath().toString()))
                .map(UserDataRules::problem)
                .toList();
    }

    /** Checks the data and adds every problem found; the result names what exists (nulls where it does not). */
    public ValidUserData check(UserData data, List<Problem> problems) {
        problems.addAll(shapeProblems(data));
        Optional<Language> language = Language.fromCode(data.language());
        if (data.language() != null && !data.language().isEmpty() && language.isEmpty()) {
            problems.add(new Problem("language", message("user.language.unknown", data.language(),
                    Arrays.stream(Language.values()).map(Language::code).collect(Collectors.joining(" or ")))));
        }
        Role role = null;
        if (data.roleCode() != null && !data.roleCode().isEmpty()) {
            role = roles.findById(data.roleCode()).orElse(null);
            if (role == null) {
                problems.add(new Problem("role", message("user.role.unknown", data.roleCode())));
            }
        }
        Set<Permission> granted = new LinkedHashSet<>();
        for (String code : data.permissionCodes()) {
            permissions.findById(code == null ? "" : code.trim()).ifPresentOrElse(granted::add,
                    () -> problems.add(new Problem("permissions", message("user.permission.unknown", code))));
        }
        Set<Client> assigned = new LinkedHashSet<>();
        for (Long clientId : data.clientIds()) {
            (clientId == null ? Optional.<Client>empty() : clients.findById(clientId)).ifPresentOrElse(assigned::add,
                    () -> problems.add(new Problem("clients", unknownClient(clientId))));
        }
        return new ValidUserData(data.firstName(), data.lastName(), language.orElse(null), role, granted, assigned);
    }

    /** The same words for a client that does not exist and one outside the admin's scope: nothing is revealed. */
    public String unknownClient(Long clientId) {
        return message("user.client.unknown", String.valueOf(clientId));
    }

    private String message(String code, Object... args) {
        return texts.of(code, args);
    }

    private static Problem problem(ConstraintViolation<?> violation) {
        String property = violation.getPropertyPath().toString();
        return new Problem(FIELDS.getOrDefault(property, property), violation.getMessage());
    }
}
