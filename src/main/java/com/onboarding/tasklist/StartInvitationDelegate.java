package com.onboarding.tasklist;

import com.onboarding.Texts;
import com.onboarding.engine.EngineActor;
import com.onboarding.engine.EngineErrors;
import com.onboarding.engine.ProcessVariable;
import com.onboarding.invitation.InvitationCommands;
import com.onboarding.invitation.InvitationRejectedException;
import com.onboarding.invitation.InvitationRequest;
import com.onboarding.users.UserAccount;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.stereotype.Component;

/**
 * Service task "Start invitation": hands the form's data to {@link InvitationCommands#invite}, the same entry
 * point the admin screens use, as the admin who submits the form. A rejected request fails the form submission
 * with the reasons, so Tasklist shows them and the admin can correct the form; nothing is created.
 */
@Component("startInvitation")
class StartInvitationDelegate implements JavaDelegate {

    private final InvitationCommands invitations;
    private final EngineActor engineActor;
    private final Texts texts;

    StartInvitationDelegate(InvitationCommands invitations, EngineActor engineActor, Texts texts) {
        this.invitations = invitations;
        this.engineActor = engineActor;
        this.texts = texts;
    }

    @Override
    public void execute(DelegateExecution execution) {
        // The admin completing the task, as the engine authenticated them: a variable could be overwritten.
        String inviter = engineActor.current().orElseThrow(() -> new AuthorizationException("Sign in to invite users."));
        InvitationRequest request = new InvitationRequest(
                text(InviteUserProcess.EMAIL, execution),
                text(InviteUserProcess.FIRST_NAME, execution),
                text(InviteUserProcess.LAST_NAME, execution),
                text(InviteUserProcess.LANGUAGE, execution),
                text(InviteUserProcess.PERSONAL_TEXT, execution),
                text(InviteUserProcess.ROLE, execution),
                strings(checklist(InviteUserProcess.PERMISSIONS, execution)),
                clientIds(strings(checklist(InviteUserProcess.CLIENTS, execution))),
                inviter,
                days(execution.getVariable(InviteUserProcess.LINK_VALIDITY_DAYS.name())));
        try {
            long userId = invitations.invite(request).userId();
            // The confirmation task shows only the user's row; the entered data leaves the instance now.
            execution.removeVariables(InviteUserProcess.ALL.stream().map(ProcessVariable::name).toList());
            InviteUserProcess.USER_LINK.set(execution, UserAccount.adminPath(userId));
        } catch (InvitationRejectedException e) {
            // Tasklist shows this message above the form, which keeps the admin's input for correction.
            throw EngineErrors.refused(e.getMessage());
        }
    }

    /** A text field of the form; a REST caller may have sent a number or a date instead. */
    private String text(ProcessVariable<String> field, DelegateExecution execution) {
        Object value = execution.getVariable(field.name());
        if (value == null || value instanceof String) {
            return (String) value;
        }
        throw EngineErrors.refused(texts.of("tasklist.invite.notText", field.name()));
    }

    /** The number field: a whole number, or text holding one (REST callers); the rules check the range. */
    private Integer days(Object value) {
        if (value == null || (value instanceof String text && text.isBlank())) {
            return null;
        }
        if (value instanceof Number number && number.doubleValue() == Math.rint(number.doubleValue())
                && Math.abs(number.doubleValue()) <= Integer.MAX_VALUE) {
            return number.intValue();
        }
        if (value instanceof String text) {
            try {
                return Integer.valueOf(text.strip());
            } catch (NumberFormatException e) {
                // refused below
            }
        }
        throw EngineErrors.refused(texts.of("tasklist.invite.notDays", value));
    }

    /** A checklist of the form; a REST caller may have sent a Json value that is no JSON at all. */
    private Object checklist(ProcessVariable<Object> field, DelegateExecution execution) {
        try {
            return field.getOrNull(execution);
        } catch (ProcessEngineException unreadable) {
            throw EngineErrors.refused(texts.of("tasklist.invite.notJson", field.name()));
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

    private List<Long> clientIds(List<String> values) {
        List<Long> ids = new ArrayList<>();
        for (String value : values) {
            try {
                ids.add(Long.valueOf(value.trim()));
            } catch (NumberFormatException e) {
                throw EngineErrors.refused(texts.of("tasklist.invite.unknownClient", value));
            }
        }
        return ids;
    }
}
