package com.onboarding.invitation;

import com.onboarding.RejectedRequestException;
import com.onboarding.Texts;
import java.util.List;

/** The request to invite a user was refused; nothing was created. */
public class InvitationRejectedException extends RejectedRequestException {

    /** The summary ("The invitation was not sent:") in the reader's language, from {@code invitation.notSent}. */
    public InvitationRejectedException(Texts texts, List<Problem> problems) {
        super(texts.of("invitation.notSent"), problems);
    }
}
