package com.onboarding.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.approval.ApprovalProcess;
import com.onboarding.invitation.InvitationProcess;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.EventDefinition;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Message;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The Java names of a model's elements are exactly the model's: every flow node (task, event, gateway, subprocess)
 * has its constant, and every constant names an element. Renaming an element in the Modeler fails here until the one
 * Java name is changed too (and, for a wait state, a line is added to bpmn/&lt;process&gt;.migration.json).
 */
class ModelNamesTest {

    static Stream<Arguments> named() {
        return Stream.of(Arguments.of("user-invitation.bpmn", InvitationProcess.Elements.class),
                Arguments.of("four-eyes-approval.bpmn", ApprovalProcess.Elements.class));
    }

    @ParameterizedTest
    @MethodSource("named")
    void everyElementHasItsJavaName_andEveryNameItsElement(String file, Class<?> names) throws IOException {
        Set<String> inModel = Bpmn.readModelFromFile(Path.of("bpmn", file).toFile())
                .getModelElementsByType(FlowNode.class).stream().map(FlowNode::getId).collect(Collectors.toSet());
        Set<String> inJava = Arrays.stream(names.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(ModelNamesTest::value).collect(Collectors.toSet());
        assertThat(inJava).as(names.getName() + " against bpmn/" + file).containsExactlyInAnyOrderElementsOf(inModel);
    }

    static Stream<Path> models() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
            return files.filter(file -> file.toString().endsWith(".bpmn")).sorted().toList().stream();
        }
    }

    /**
     * Every id follows the published convention (docs/changing-the-flow.md, the Camunda Modeler's own): its kind,
     * then what the element is. A message and the event or task that handles it no longer share an id, and a gateway
     * reads as a gateway in a job, an incident or a log line.
     */
    @ParameterizedTest
    @MethodSource("models")
    void everyIdSaysItsKind(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> offending = new ArrayList<>();
        for (BaseElement element : model.getModelElementsByType(BaseElement.class)) {
            String kind = kind(element);
            if (kind != null && !element.getId().matches(kind + "_[A-Z][A-Za-z0-9]*")) {
                offending.add(element.getElementType().getTypeName() + " " + element.getId() + " (expected " + kind
                        + "_…)");
            }
        }
        for (Process process : model.getModelElementsByType(Process.class)) {
            if (!process.getId().matches("[a-z]+(-[a-z]+)*") || !file.getFileName().toString().equals(process.getId() + ".bpmn")) {
                offending.add("process " + process.getId() + ": the key, in lower case with hyphens, as its file is named");
            }
        }
        assertThat(offending).as(file.toString()).isEmpty();
    }

    /**
     * A model's migration file (bpmn/&lt;key&gt;.migration.json) maps ids of earlier versions to ids this version has,
     * and none it still has: a mapping whose target was renamed again would leave the instances waiting there behind.
     */
    @ParameterizedTest
    @MethodSource("models")
    void everyDeclaredMappingLeadsIntoTheModel(Path file) throws IOException {
        Path mappings = Path.of(file.toString().replace(".bpmn", ".migration.json"));
        if (!Files.exists(mappings)) {
            return;
        }
        BpmnModelInstance model = Bpmn.readModelFromFile(file.toFile());
        List<String> wrong = new ArrayList<>();
        new ObjectMapper().readTree(mappings.toFile()).path("mappings").fields().forEachRemaining(mapping -> {
            if (model.getModelElementById(mapping.getValue().asText()) == null) {
                wrong.add(mapping.getKey() + " -> " + mapping.getValue().asText() + ": no such element");
            }
            if (model.getModelElementById(mapping.getKey()) != null) {
                wrong.add(mapping.getKey() + ": still in the model, so it is never mapped");
            }
        });
        assertThat(wrong).as(mappings.toString()).isEmpty();
    }

    /** The prefix an element's id takes, or null for elements the convention leaves alone (process, DI, text). */
    private static String kind(BaseElement element) {
        if (element instanceof Activity) {
            return "Activity";
        } else if (element instanceof Gateway) {
            return "Gateway";
        } else if (element instanceof Event) {
            return "Event";
        } else if (element instanceof SequenceFlow) {
            return "Flow";
        } else if (element instanceof Message) {
            return "Message";
        } else if (element instanceof EventDefinition) {
            return element.getElementType().getTypeName().substring(0, 1).toUpperCase()
                    + element.getElementType().getTypeName().substring(1);
        }
        return null;
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
