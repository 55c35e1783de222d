package com.onboarding.invitation;

import com.onboarding.RejectedRequestException;
import java.util.List;

/** The request to invite a user was refused; nothing was created. */
public class InvitationRejectedException extends RejectedRequestException {

    public InvitationRejectedException(List<Problem> problems) {
        super("The invitation was not sent:", problems);
    }
}
