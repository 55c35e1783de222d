package com.onboarding.approval;

import com.onboarding.ConflictException;
import com.onboarding.RejectedRequestException;
import com.onboarding.RejectedRequestException.Problem;
import com.onboarding.Texts;
import com.onboarding.engine.EngineActor;
import com.onboarding.engine.EngineErrors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * An approval decided outside Tasklist (Approve and Reject on the Users screen, and through /api): the open task of
 * the approval that the asking process instance called is completed as the deciding admin, so that the same
 * four-eyes rule ({@link FourEyes}) and the same steps run as for Tasklist's form. The rule's refusal comes back as
 * a refused request with its sentence, and changes nothing.
 */
@Service
public class ApprovalDecisions {

    private final RuntimeService runtime;
    private final TaskService tasks;
    private final EngineActor engineActor;
    private final Texts texts;

    ApprovalDecisions(RuntimeService runtime, TaskService tasks, EngineActor engineActor, Texts texts) {
        this.runtime = runtime;
        this.tasks = tasks;
        this.engineActor = engineActor;
        this.texts = texts;
    }

    /** {@code decision}: {@link FourEyes#APPROVE} or {@link FourEyes#REJECT} (with a reason). */
    @Transactional
    public void decide(String askingInstanceId, String admin, String decision, String reason) {
        ProcessInstance approval = runtime.createProcessInstanceQuery().superProcessInstanceId(askingInstanceId)
                .processDefinitionKey(ApprovalProcess.KEY).singleResult();
        Task task = approval == null ? null : tasks.createTaskQuery().processInstanceId(approval.getId())
                .taskDefinitionKey(ApprovalProcess.TASK_APPROVE).singleResult();
        if (task == null) {
            throw new ConflictException(texts.of("approval.notWaiting"));
        }
        Map<String, Object> answer = new HashMap<>();
        answer.put(FourEyes.DECISION.name(), decision);
        answer.put(FourEyes.REJECTION_REASON.name(), reason);
        try {
            engineActor.runAs(admin, () -> {
                tasks.complete(task.getId(), answer);
                return null;
            });
        } catch (ProcessEngineException e) {
            throw refusal(e).orElseThrow(() -> e);
        }
    }

    /** The four-eyes rule's sentence, wherever the engine wrapped it. */
    private Optional<RejectedRequestException> refusal(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (EngineErrors.isRefusal(cause)) {
                return Optional.of(new RejectedRequestException(texts.of("approval.refused"),
                        List.of(new Problem("decision", cause.getMessage()))));
            }
        }
        return Optional.empty();
    }
}
