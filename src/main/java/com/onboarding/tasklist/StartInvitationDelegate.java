package com.onboarding.tasklist;

import com.onboarding.invitation.InvitationRejectedException;
import com.onboarding.invitation.InvitationRequest;
import com.onboarding.invitation.InvitationService;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Service task "Start invitation": hands the form's data to {@link InvitationService#invite}, the same entry
 * point the admin screens use. A rejected request fails the form submission with the reasons, so Tasklist shows
 * them and the admin can correct the form; nothing is created.
 */
@Component("startInvitation")
class StartInvitationDelegate implements JavaDelegate {

    private final InvitationService invitations;

    StartInvitationDelegate(InvitationService invitations) {
        this.invitations = invitations;
    }

    @Override
    public void execute(DelegateExecution execution) {
        InvitationRequest request = new InvitationRequest(
                InviteUserProcess.EMAIL.getOrNull(execution),
                InviteUserProcess.FIRST_NAME.getOrNull(execution),
                InviteUserProcess.LAST_NAME.getOrNull(execution),
                InviteUserProcess.LANGUAGE.getOrNull(execution),
                InviteUserProcess.PERSONAL_TEXT.getOrNull(execution),
                InviteUserProcess.ROLE.getOrNull(execution),
                strings(InviteUserProcess.PERMISSIONS.getOrNull(execution)),
                clientIds(strings(InviteUserProcess.CLIENTS.getOrNull(execution))),
                InviteUserProcess.INVITER.getOrNull(execution));
        try {
            invitations.invite(request);
        } catch (InvitationRejectedException e) {
            // Tasklist shows this message above the form, which keeps the admin's input for correction.
            throw new BadUserRequestException(e.getMessage(), e);
        }
    }

    /** A checklist's Json array, a list, or a single (comma-separated) string, as REST callers may send. */
    static List<String> strings(Object value) {
        List<String> result = new ArrayList<>();
        if (value instanceof SpinJsonNode node && node.isArray()) {
            node.elements().forEach(e -> result.add(e.isString() ? e.stringValue() : e.toString()));
        } else if (value instanceof Collection<?> collection) {
            collection.forEach(e -> result.add(String.valueOf(e)));
        } else if (value instanceof String text && !text.isBlank()) {
            for (String part : text.split(",")) {
                result.add(part.trim());
            }
        }
        return result;
    }

    private static List<Long> clientIds(List<String> values) {
        List<Long> ids = new ArrayList<>();
        for (String value : values) {
            try {
                ids.add(Long.valueOf(value.trim()));
            } catch (NumberFormatException e) {
                throw new BadUserRequestException("The invitation was not sent: client '" + value + "' does not exist.");
            }
        }
        return ids;
    }
}
