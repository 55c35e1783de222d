package com.onboarding.invitation.process;

import com.onboarding.engine.EngineExtensions;
import com.onboarding.invitation.InvitationProcess;
import com.onboarding.invitation.InvitationSteps;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * An invitation process instance deleted from the engine side (Cockpit, /engine-rest) must not leave its user stuck
 * as "Invited" with a dead process: the end of every "User invitation" instance reaches
 * {@link InvitationSteps#processEnded}, which cancels an invitation that is still open. The listener is a built-in
 * one, so "skip custom listeners" on deletion does not skip it.
 */
@Component
class EngineDeletionPlugin extends AbstractProcessEnginePlugin {

    private final ObjectProvider<InvitationSteps> steps;

    // The steps need beans that need the engine: looked up when an instance ends.
    EngineDeletionPlugin(ObjectProvider<InvitationSteps> steps) {
        this.steps = steps;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineExtensions.addParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseProcess(Element processElement, ProcessDefinitionEntity processDefinition) {
                if (InvitationProcess.KEY.equals(processDefinition.getKey())) {
                    processDefinition.addBuiltInListener(ExecutionListener.EVENTNAME_END, endListener());
                }
            }
        });
    }

    private ExecutionListener endListener() {
        return execution -> {
            InvitationProcess.BUSINESS_KEY.idIn(execution.getProcessBusinessKey()).ifPresent(invitationId -> steps
                    .getObject().processEnded(invitationId, execution.getProcessInstanceId(),
                            ((ExecutionEntity) execution).getDeleteReason()));
        };
    }
}
