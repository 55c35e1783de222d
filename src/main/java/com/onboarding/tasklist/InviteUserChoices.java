package com.onboarding.tasklist;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.onboarding.invitation.Invitation;
import com.onboarding.invitation.InvitationSettings;
import com.onboarding.language.EveryLanguage;
import com.onboarding.scopes.AdminScopes;
import com.onboarding.scopes.Grants;
import com.onboarding.users.EmailAddress;
import com.onboarding.users.Language;
import com.onboarding.users.UserAccount;
import java.util.Arrays;
import java.util.Map;
import org.camunda.spin.Spin;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the Tasklist form "Enter user data" offers an admin: the languages, the roles, permissions and clients they
 * may grant (the same choices as the Invite user screen), and the fields' limits and the link's validity from the
 * one setting of each.
 */
@Service
class InviteUserChoices {

    /** One entry of a select or checklist (form-js "valuesKey"). */
    record Option(String label, String value) {
    }

    /** The form's data, as form-js reads it. */
    record Choices(SpinJsonNode languages, SpinJsonNode roles, SpinJsonNode permissions, SpinJsonNode clients,
            SpinJsonNode limits) {
    }

    private final AdminScopes adminScopes;
    private final Grants grants;
    private final InvitationSettings settings;
    private final ObjectMapper json;

    InviteUserChoices(AdminScopes adminScopes, Grants grants, InvitationSettings settings, ObjectMapper json) {
        this.adminScopes = adminScopes;
        this.grants = grants;
        this.settings = settings;
        this.json = json;
    }

    @Transactional(readOnly = true)
    public Choices of(String adminId) {
        Grants.Choices grantable = grants.choices(adminScopes.of(adminId));
        return new Choices(
                json(Arrays.stream(Language.values()).map(l -> new Option(l.displayName(), l.code())).toList()),
                json(grantable.roles().stream()
                        .map(r -> new Option(r.getName() + " – " + r.getDescription(), r.getCode())).toList()),
                json(grantable.permissions().stream()
                        .map(p -> new Option(p.getName() + " – " + p.getDescription(), p.getCode())).toList()),
                json(grantable.clients().stream()
                        .map(c -> new Option(c.getName(), String.valueOf(c.getId()))).toList()),
                json(Map.of("email", EmailAddress.MAX_LENGTH, "name", UserAccount.MAX_NAME,
                        "personalText", Invitation.MAX_PERSONAL_TEXT,
                        "linkValidityMin", Invitation.MIN_LINK_VALIDITY_DAYS,
                        "linkValidityMax", Invitation.MAX_LINK_VALIDITY_DAYS, "linkValidity",
                        EveryLanguage.map(settings::linkValidityText))));
    }

    private SpinJsonNode json(Object value) {
        try {
            return Spin.JSON(json.writeValueAsString(value));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Choices are plain records", e);
        }
    }
}
