package com.onboarding.approval.process;

import com.onboarding.Texts;
import com.onboarding.approval.ApprovalProcess;
import com.onboarding.language.TaskNames;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.springframework.stereotype.Component;

/** The approval task is named after what is asked: "Approve invitation", "Approve privilege change". */
@Component
class ApprovalTaskName implements TaskNames.Arguments {

    private final Texts texts;

    ApprovalTaskName(Texts texts) {
        this.texts = texts;
    }

    @Override
    public String taskDefinitionKey() {
        return ApprovalProcess.TASK_APPROVE;
    }

    @Override
    public Object[] of(DelegateTask task, Locale language) {
        DelegateExecution caller = task.getExecution().getProcessInstance().getSuperExecution();
        String asking = caller == null ? ApprovalProcess.KEY
                : ((ExecutionEntity) caller).getProcessDefinition().getKey();
        return new Object[] {texts.orElse(language, "approval.subject." + asking, asking)};
    }
}
