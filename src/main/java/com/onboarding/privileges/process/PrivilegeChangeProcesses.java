package com.onboarding.privileges.process;

import com.onboarding.Texts;
import com.onboarding.engine.EngineActor;
import com.onboarding.engine.ProcessHistory;
import com.onboarding.language.EveryLanguage;
import com.onboarding.privileges.PrivilegeChange;
import com.onboarding.privileges.PrivilegeChangeProcess;
import com.onboarding.privileges.PrivilegeChanges;
import com.onboarding.users.AccessDescriptions;
import com.onboarding.users.UserAccount;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.spin.json.SpinJsonNode;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The instances of bpmn/privilege-change.bpmn: one starts for each requested change, in the requesting transaction
 * and as the requesting admin, with the approval's summary in every language; a withdrawn change's instance ends,
 * and a deleted user's instances go from the engine's runtime and history.
 */
@Component
class PrivilegeChangeProcesses {

    private final RuntimeService runtime;
    private final ProcessHistory history;
    private final EngineActor engineActor;
    private final PrivilegeMails mails;
    private final Texts texts;
    private final AccessDescriptions access;

    PrivilegeChangeProcesses(RuntimeService runtime, ProcessHistory history, EngineActor engineActor,
            PrivilegeMails mails, Texts texts, AccessDescriptions access) {
        this.runtime = runtime;
        this.history = history;
        this.engineActor = engineActor;
        this.mails = mails;
        this.texts = texts;
        this.access = access;
    }

    @EventListener
    public void start(PrivilegeChanges.Requested requested) {
        PrivilegeChange change = requested.change();
        UserAccount user = change.getUser();
        String actor = change.getRequestedBy();
        String asker = mails.adminName(actor);
        SpinJsonNode summary = EveryLanguage.of(locale -> texts.of(locale, "summary.privilegeChange",
                access.privileges(change.getRole(), change.getPermissions(), locale), user.getRole().name(locale),
                asker, actor));
        ProcessInstance instance = engineActor.runAs(actor, () -> runtime
                .createProcessInstanceByKey(PrivilegeChangeProcess.KEY)
                .businessKey(PrivilegeChangeProcess.businessKey(change.getId()))
                .setVariable(PrivilegeChangeProcess.CHANGE_ID.name(), change.getId())
                .setVariable(PrivilegeChangeProcess.APPROVAL_SUMMARY.name(), summary)
                .setVariable(PrivilegeChangeProcess.USER_LINK.name(), UserAccount.adminPath(user.getId()))
                .execute());
        change.linkToProcess(instance.getId());
    }

    @EventListener
    public void end(PrivilegeChanges.Ended ended) {
        for (String instanceId : ended.processInstanceIds()) {
            if (runtime.createProcessInstanceQuery().processInstanceId(instanceId).count() > 0) {
                engineActor.runAs(ended.actor(), () -> {
                    runtime.deleteProcessInstance(instanceId, ended.reason(), true, true);
                    return null;
                });
            }
            if (ended.forgotten()) {
                history.deleteWithCalledInstances(instanceId);
            }
        }
    }
}
