package com.onboarding.users;

import com.onboarding.PlainText;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The data an admin sets for a user (on invitation and when editing). The shape of each field is declared here, once,
 * for the screens, the API and the Tasklist form; {@link UserDataRules} checks it and what it refers to.
 */
public record UserData(
        @NotBlank(message = "{user.firstName.required}")
        @Size(max = UserAccount.MAX_NAME, message = "{user.firstName.tooLong}")
        @PlainText
        String firstName,
        @NotBlank(message = "{user.lastName.required}")
        @Size(max = UserAccount.MAX_NAME, message = "{user.lastName.tooLong}")
        @PlainText
        String lastName,
        @NotBlank(message = "{user.language.required}")
        String language,
        @NotBlank(message = "{user.role.required}")
        String roleCode,
        List<String> permissionCodes,
        @NotEmpty(message = "{user.clients.required}")
        List<Long> clientIds) {

    public UserData {
        firstName = trim(firstName);
        lastName = trim(lastName);
        language = trim(language);
        roleCode = trim(roleCode);
        permissionCodes = copy(permissionCodes);
        clientIds = copy(clientIds);
    }

    /** Leading and trailing white space goes; control characters stay, so that PlainText refuses them. */
    static String trim(String value) {
        return value == null ? null : value.strip();
    }

    /** An unmodifiable copy that keeps null elements, so that the rules can name them instead of failing. */
    static <T> List<T> copy(List<T> values) {
        return values == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(values));
    }
}
