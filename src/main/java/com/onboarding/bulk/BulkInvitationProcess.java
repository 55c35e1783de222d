package com.onboarding.bulk;

import com.onboarding.engine.ProcessVariable;
import com.onboarding.engine.ProcessVariables;
import java.util.List;
import org.springframework.stereotype.Component;

/** The process {@code bpmn/bulk-invitation.bpmn} seen from Java: it carries only the import's id. */
@Component
public class BulkInvitationProcess implements ProcessVariables {

    public static final String KEY = "bulk-invitation";

    public static final ProcessVariable<Long> IMPORT_ID = ProcessVariable.of("bulkImportId", Long.class);
    /** Whether rows wait for their turn after the last step. */
    public static final ProcessVariable<Boolean> ROWS_LEFT = ProcessVariable.of("rowsLeft", Boolean.class);

    @Override
    public List<ProcessVariable<?>> declared() {
        return List.of(IMPORT_ID, ROWS_LEFT);
    }

    public static String businessKey(long importId) {
        return "bulk-import-" + importId;
    }
}
