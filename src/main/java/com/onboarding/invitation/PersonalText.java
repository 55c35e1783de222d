package com.onboarding.invitation;

import com.onboarding.PlainText;
import jakarta.validation.constraints.Size;

/**
 * A personal text given on its own (a resend with a new text), with the rules of the invitation's own field: at most
 * {@link Invitation#MAX_PERSONAL_TEXT} characters, plain text on several lines; blank means none.
 */
public record PersonalText(
        @Size(max = Invitation.MAX_PERSONAL_TEXT, message = "{invitation.personalText.tooLong}")
        @PlainText(lines = true)
        String personalText) {

    public PersonalText {
        personalText = personalText == null || personalText.isBlank() ? null : personalText.strip();
    }
}
