package com.onboarding.engine;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.onboarding.support.IntegrationTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every name a model uses exists in the code: delegates and beans (with the properties and methods used), process
 * variables, forms, messages. The same check guards the start (ModelGuard) for every deployed version that runs.
 */
class ModelBindingsTest extends IntegrationTest {

    @Autowired
    ModelGuard guard;
    @Autowired
    org.camunda.bpm.engine.RepositoryService repositoryService;

    @Test
    void everyModelInTheRepositoryResolves() throws IOException {
        Set<String> forms = formIds();
        try (Stream<Path> models = Files.list(Path.of("bpmn"))) {
            for (Path model : models.filter(p -> p.toString().endsWith(".bpmn")).toList()) {
                assertThat(ModelBindings.unresolved(Files.readString(model), guard.code(forms))).as(model.toString())
                        .isEmpty();
            }
        }
    }

    /** A model naming what the code does not have: each piece in a sentence that names the element. */
    @Test
    void whatIsMissingIsNamed() {
        String model = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="p" isExecutable="true">
                    <bpmn:serviceTask id="SendMail" name="Send mail" camunda:delegateExpression="${sendMial}" />
                    <bpmn:userTask id="Decide" name="Decide" camunda:assignee="${inviter}"
                        camunda:formRef="${tasklistForms.inReadersLanguage('decide')}" camunda:formRefBinding="deployment" />
                    <bpmn:sequenceFlow id="Flow" sourceRef="SendMail" targetRef="Decide">
                      <bpmn:conditionExpression>${invitationSettings.linkValidityDays &gt; 3}</bpmn:conditionExpression>
                    </bpmn:sequenceFlow>
                  </bpmn:process>
                  <bpmn:message id="M" name="NudgeInvitee" />
                </bpmn:definitions>
                """;
        assertThat(ModelBindings.unresolved(model, guard.code(Set.of("decide")))).containsExactlyInAnyOrder(
                "'Send mail': the expression ${sendMial} reads 'sendMial', which is neither a bean nor a declared "
                        + "process variable.",
                "'Decide' refers to the form 'decide-de', which is not there.",
                "'Decide': the expression ${inviter} reads 'inviter', which is neither a bean nor a declared process "
                        + "variable.",
                "Flow (conditionExpression): the expression ${invitationSettings.linkValidityDays > 3} uses "
                        + "'invitationSettings.linkValidityDays', which InvitationSettings does not have.",
                "The message 'NudgeInvitee' is correlated by no code.");
    }

    /**
     * A latest version that needs a delegate the code does not have: the start stops with a sentence naming the
     * version and the step (the guard is called as start-up calls it).
     */
    @Test
    void aDeployedModelThatNeedsWhatTheCodeLacksStopsTheStart() {
        String model = """
                <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                    xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="D" targetNamespace="t">
                  <bpmn:process id="guard-test" isExecutable="true" camunda:historyTimeToLive="P1D">
                    <bpmn:startEvent id="Start" />
                    <bpmn:sequenceFlow id="F1" sourceRef="Start" targetRef="Wait" />
                    <bpmn:userTask id="Wait" name="Wait" />
                    <bpmn:sequenceFlow id="F2" sourceRef="Wait" targetRef="Old" />
                    <bpmn:serviceTask id="Old" name="A step of an old version" camunda:delegateExpression="${removedLongAgo}" />
                    <bpmn:sequenceFlow id="F3" sourceRef="Old" targetRef="End" />
                    <bpmn:endEvent id="End" />
                  </bpmn:process>
                </bpmn:definitions>
                """;
        var deployment = repositoryService.createDeployment().addString("guard-test.bpmn", model).deploy();
        try {
            runtimeService.startProcessInstanceByKey("guard-test");
            org.assertj.core.api.Assertions.assertThatThrownBy(() -> guard.check(true))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("guard-test version 1: 'A step of an old version': the expression "
                            + "${removedLongAgo} reads 'removedLongAgo', which is neither a bean nor a declared "
                            + "process variable.");
        } finally {
            repositoryService.deleteDeployment(deployment.getId(), true);
        }
        guard.check(true); // the deployed models of this code pass
    }

    private static Set<String> formIds() throws IOException {
        ObjectMapper json = new ObjectMapper();
        try (Stream<Path> files = Files.walk(Path.of("forms"))) {
            return files.filter(p -> p.toString().endsWith(".form")).map(p -> {
                try {
                    return json.readTree(p.toFile()).get("id").asText();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.toSet());
        }
    }
}
