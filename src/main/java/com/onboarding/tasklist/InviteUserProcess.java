package com.onboarding.tasklist;

import com.onboarding.engine.ProcessVariable;

/**
 * The process {@code bpmn/invite-user.bpmn}: the admin's "Invite user" entry point in Camunda Tasklist. Its form
 * ({@code forms/invite-user.form}) writes the variables below; it hands them to the invitation process and ends,
 * so they live only for the moment of the submission (the personal ones never reach history, see
 * PersonalDataHistoryLevel). Who invites is never a variable: it is the engine's authenticated user.
 */
public final class InviteUserProcess {

    public static final String KEY = "invite-user";

    static final ProcessVariable<String> EMAIL = ProcessVariable.of("email", String.class);
    static final ProcessVariable<String> FIRST_NAME = ProcessVariable.of("firstName", String.class);
    static final ProcessVariable<String> LAST_NAME = ProcessVariable.of("lastName", String.class);
    static final ProcessVariable<String> LANGUAGE = ProcessVariable.of("language", String.class);
    static final ProcessVariable<String> PERSONAL_TEXT = ProcessVariable.of("personalText", String.class);
    static final ProcessVariable<String> ROLE = ProcessVariable.of("role", String.class);
    /** Checklists arrive as Json arrays. */
    static final ProcessVariable<Object> PERMISSIONS = ProcessVariable.of("permissions", Object.class);
    static final ProcessVariable<Object> CLIENTS = ProcessVariable.of("clients", Object.class);

    /** Choices for the form's select and checklists (form-js "valuesKey"), loaded from the database. */
    static final String LANGUAGE_OPTIONS = "languageOptions";
    static final String ROLE_OPTIONS = "roleOptions";
    static final String PERMISSION_OPTIONS = "permissionOptions";
    static final String CLIENT_OPTIONS = "clientOptions";

    private InviteUserProcess() {
    }
}
