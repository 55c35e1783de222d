package com.onboarding.users;

import java.util.List;

/** The data an admin sets for a user (on invitation and when editing); raw values, checked by InvitationRules. */
public record UserData(String firstName, String lastName, String language, String roleCode,
        List<String> permissionCodes, List<Long> clientIds) {

    public UserData {
        permissionCodes = permissionCodes == null ? List.of() : List.copyOf(permissionCodes);
        clientIds = clientIds == null ? List.of() : List.copyOf(clientIds);
    }
}
