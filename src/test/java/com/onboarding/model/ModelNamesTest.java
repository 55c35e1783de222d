package com.onboarding.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.approval.ApprovalProcess;
import com.onboarding.invitation.InvitationProcess;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
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
        Set<String> inModel;
        try (InputStream in = Files.newInputStream(Path.of("bpmn", file))) {
            inModel = Bpmn.readModelFromStream(in).getModelElementsByType(FlowNode.class).stream()
                    .map(FlowNode::getId).collect(Collectors.toSet());
        }
        Set<String> inJava = Arrays.stream(names.getDeclaredFields())
                .filter(field -> Modifier.isStatic(field.getModifiers()) && field.getType() == String.class)
                .map(ModelNamesTest::value).collect(Collectors.toSet());
        assertThat(inJava).as(names.getName() + " against bpmn/" + file).containsExactlyInAnyOrderElementsOf(inModel);
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
