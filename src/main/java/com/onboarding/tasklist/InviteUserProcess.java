package com.onboarding.tasklist;

import com.onboarding.engine.ProcessVariable;
import com.onboarding.engine.ProcessVariables;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * The process {@code bpmn/invite-user.bpmn}: the admin's "Invite user" entry point in Camunda Tasklist. Its form
 * ({@code forms/invite-user.form}) writes the form fields below; it hands them to the invitation process and removes
 * them, so they live only for the moment of the submission (the personal ones never reach history, see
 * PersonalDataHistoryLevel); the confirmation task "Invitation sent" shows the new user's row. Who invites is never a
 * variable: it is the engine's authenticated user.
 */
@Component
public class InviteUserProcess implements ProcessVariables {

    public static final String KEY = "invite-user";

    static final ProcessVariable<String> EMAIL = ProcessVariable.personal("email", String.class);
    static final ProcessVariable<String> FIRST_NAME = ProcessVariable.personal("firstName", String.class);
    static final ProcessVariable<String> LAST_NAME = ProcessVariable.personal("lastName", String.class);
    static final ProcessVariable<String> LANGUAGE = ProcessVariable.of("language", String.class);
    static final ProcessVariable<String> PERSONAL_TEXT = ProcessVariable.personal("personalText", String.class);
    static final ProcessVariable<String> ROLE = ProcessVariable.of("role", String.class);
    /** A number field: Tasklist sends a whole number (REST callers may send text); empty means the setting. */
    static final ProcessVariable<Object> LINK_VALIDITY_DAYS = ProcessVariable.of("linkValidityDays", Object.class);
    /** Checklists arrive as Json arrays (REST callers may send lists or comma-separated text). */
    static final ProcessVariable<Object> PERMISSIONS = ProcessVariable.of("permissions", Object.class);
    static final ProcessVariable<Object> CLIENTS = ProcessVariable.of("clients", Object.class);

    /** Choices for the form's select and checklists (form-js "valuesKey"), loaded from the database. */
    static final ProcessVariable<SpinJsonNode> LANGUAGE_OPTIONS = ProcessVariable.of("languageOptions", SpinJsonNode.class);
    static final ProcessVariable<SpinJsonNode> ROLE_OPTIONS = ProcessVariable.of("roleOptions", SpinJsonNode.class);
    static final ProcessVariable<SpinJsonNode> PERMISSION_OPTIONS =
            ProcessVariable.of("permissionOptions", SpinJsonNode.class);
    static final ProcessVariable<SpinJsonNode> CLIENT_OPTIONS = ProcessVariable.of("clientOptions", SpinJsonNode.class);
    /** The fields' limits and the link's validity, which the form shows and checks from the one setting each. */
    static final ProcessVariable<SpinJsonNode> LIMITS = ProcessVariable.of("limits", SpinJsonNode.class);

    static final List<ProcessVariable<?>> ALL = List.of(EMAIL, FIRST_NAME, LAST_NAME, LANGUAGE, PERSONAL_TEXT, ROLE,
            LINK_VALIDITY_DAYS, PERMISSIONS, CLIENTS, LANGUAGE_OPTIONS, ROLE_OPTIONS, PERMISSION_OPTIONS, CLIENT_OPTIONS, LIMITS);

    /** The new user's row on the Users screen, for the confirmation task. */
    static final ProcessVariable<String> USER_LINK = ProcessVariable.of("userLink", String.class);

    @Override
    public List<ProcessVariable<?>> declared() {
        return Stream.concat(ALL.stream(), Stream.of(USER_LINK)).toList();
    }
}
