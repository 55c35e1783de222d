package com.onboarding.language;

import com.onboarding.Texts;
import com.onboarding.engine.ElementIds;
import com.onboarding.engine.EngineExtensions;
import java.util.Locale;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;

/**
 * Tasklist shows a task by the name the engine stores, one per task. Every user task of every model is named, when
 * it is created and whenever it is (re)assigned, in the language of whoever has it: the assignee's
 * ({@link AdminLanguages}), or for a task offered to the group the administrators' configured language. The names
 * are {@code task.<BPMN id>} in messages*.properties; a task without one keeps the model's name. A feature whose task
 * name says more (who asks for a new link) contributes its arguments ({@link Arguments}).
 */
@Component
public class TaskNames extends AbstractProcessEnginePlugin implements TaskListener {

    /** The arguments of a task's name, for the tasks of one BPMN id. */
    public interface Arguments {

        String taskDefinitionKey();

        Object[] of(DelegateTask task, Locale language);
    }

    private final Texts texts;
    // These read the engine's users and data: looked up when the first task is named, the engine built by then.
    private final ObjectProvider<AdminLanguages> languages;
    private final ObjectProvider<Arguments> arguments;

    TaskNames(Texts texts, ObjectProvider<AdminLanguages> languages, ObjectProvider<Arguments> arguments) {
        this.texts = texts;
        this.languages = languages;
        this.arguments = arguments;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        EngineExtensions.addParseListener(configuration, new AbstractBpmnParseListener() {
            @Override
            public void parseUserTask(Element userTask, ScopeImpl scope, ActivityImpl activity) {
                var definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
                definition.addTaskListener(TaskListener.EVENTNAME_CREATE, TaskNames.this);
                definition.addTaskListener(TaskListener.EVENTNAME_ASSIGNMENT, TaskNames.this);
            }
        });
    }

    @Override
    public void notify(DelegateTask task) {
        AdminLanguages admins = languages.getObject();
        Locale language = task.getAssignee() == null ? admins.everyone() : admins.of(task.getAssignee());
        String key = task.getTaskDefinitionKey();
        Object[] args = arguments.stream().filter(a -> a.taskDefinitionKey().equals(key)).findFirst()
                .map(a -> a.of(task, language)).orElse(new Object[0]);
        task.setName(texts.orElse(language, "task." + ElementIds.withoutKind(key), task.getName(), args));
    }
}
