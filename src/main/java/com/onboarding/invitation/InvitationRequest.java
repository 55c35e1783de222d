package com.onboarding.invitation;

import com.onboarding.PlainText;
import com.onboarding.users.DeliverableEmail;
import com.onboarding.users.EmailAddress;
import com.onboarding.users.UserData;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.hibernate.validator.constraints.Range;

/**
 * What an admin enters to invite a user, from any entry point (Tasklist form, admin screens, API), and who invites.
 * The shape of each field is declared here and on {@link UserData}; {@link InvitationRules} checks the rest.
 */
public record InvitationRequest(
        @NotBlank(message = "{user.email.required}")
        @Size(max = EmailAddress.MAX_LENGTH, message = "{user.email.invalid}")
        @DeliverableEmail
        String email,
        String firstName,
        String lastName,
        String language,
        @Size(max = Invitation.MAX_PERSONAL_TEXT, message = "{invitation.personalText.tooLong}")
        @PlainText(lines = true)
        String personalText,
        String roleCode,
        List<String> permissionCodes,
        List<Long> clientIds,
        String invitedBy,
        /** How many days the link is valid; null: the setting (onboarding.invitation.link-validity). */
        @Range(min = Invitation.MIN_LINK_VALIDITY_DAYS, max = Invitation.MAX_LINK_VALIDITY_DAYS,
                message = "{invitation.linkValidityDays.range}")
        Integer linkValidityDays) {

    /** With the link valid for the setting's period. */
    public InvitationRequest(String email, String firstName, String lastName, String language, String personalText,
            String roleCode, List<String> permissionCodes, List<Long> clientIds, String invitedBy) {
        this(email, firstName, lastName, language, personalText, roleCode, permissionCodes, clientIds, invitedBy,
                null);
    }

    public InvitationRequest {
        email = email == null ? null : email.strip();
        personalText = personalText == null || personalText.isBlank() ? null : personalText.strip();
        invitedBy = invitedBy == null || invitedBy.isBlank() ? null : invitedBy.strip();
    }

    public UserData userData() {
        return new UserData(firstName, lastName, language, roleCode, permissionCodes, clientIds);
    }
}
