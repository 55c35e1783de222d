package com.onboarding.admin.selection.process;

import com.onboarding.engine.ProcessVariable;
import com.onboarding.engine.ProcessVariables;
import java.util.List;
import org.springframework.stereotype.Component;

/** The process {@code bpmn/user-selection.bpmn} seen from Java: it carries only the selection's id. */
@Component
public class UserSelectionProcess implements ProcessVariables {

    public static final String KEY = "user-selection";

    public static final ProcessVariable<Long> SELECTION_ID = ProcessVariable.of("selectionId", Long.class);
    /** Whether users wait for their turn after the last step. */
    public static final ProcessVariable<Boolean> USERS_LEFT = ProcessVariable.of("usersLeft", Boolean.class);

    @Override
    public List<ProcessVariable<?>> declared() {
        return List.of(SELECTION_ID, USERS_LEFT);
    }

    public static String businessKey(long selectionId) {
        return "user-selection-" + selectionId;
    }
}
