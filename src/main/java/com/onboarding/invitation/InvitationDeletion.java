package com.onboarding.invitation;

import com.onboarding.engine.ProcessHistory;
import java.util.List;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** "Delete user", for the invitations: every trace in the application's tables and in the engine. */
@Service
public class InvitationDeletion {

    private final InvitationRepository invitations;
    private final RuntimeService runtime;
    private final ProcessHistory history;

    public InvitationDeletion(InvitationRepository invitations, RuntimeService runtime, ProcessHistory history) {
        this.invitations = invitations;
        this.runtime = runtime;
        this.history = history;
    }

    /**
     * Removes the user's invitations, then their process instances from the engine's runtime and history. The rows
     * go first, so that the engine-side deletion finds no open invitation to cancel.
     */
    @Transactional
    public void forget(long userId) {
        List<Invitation> all = invitations.findByUserIdOrderByCreatedAtDesc(userId);
        invitations.deleteAll(all);
        invitations.flush();
        for (Invitation invitation : all) {
            String instanceId = invitation.getProcessInstanceId();
            if (instanceId == null) {
                continue;
            }
            if (runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
                runtime.deleteProcessInstance(instanceId, "user deleted", true, true);
            }
            history.deleteWithCalledInstances(instanceId);
        }
    }
}
