package com.onboarding.invitation;

import com.onboarding.users.UserData;
import java.util.List;

/**
 * What an admin enters to invite a user, from any entry point (Tasklist form, admin screens, API).
 * Raw values: {@link InvitationRules} checks them.
 */
public record InvitationRequest(
        String email,
        String firstName,
        String lastName,
        String language,
        String personalText,
        String roleCode,
        List<String> permissionCodes,
        List<Long> clientIds,
        String invitedBy) {

    public InvitationRequest {
        permissionCodes = permissionCodes == null ? List.of() : List.copyOf(permissionCodes);
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
    }

    public UserData userData() {
        return new UserData(firstName, lastName, language, roleCode, permissionCodes, clientIds);
    }
}
