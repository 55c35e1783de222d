package com.onboarding.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Activity;
import org.camunda.bpm.model.bpmn.instance.BaseElement;
import org.camunda.bpm.model.bpmn.instance.Event;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnEdge;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnLabel;
import org.camunda.bpm.model.bpmn.instance.bpmndi.BpmnShape;
import org.camunda.bpm.model.bpmn.instance.dc.Bounds;
import org.camunda.bpm.model.bpmn.instance.di.Waypoint;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The diagrams read cleanly in the Modeler and in Cockpit: no sequence flow runs through a task, event or gateway it
 * does not connect, none crosses another element's label, and every label is wide enough for its longest word
 * (Cockpit broke "Decided" into "Decide/d" in a 40 px label).
 */
class DiagramLayoutTest {

    /** About the widest a character of the 11 px label font is, on average over a word. */
    private static final double CHARACTER_WIDTH = 5.8;

    record Box(String what, double x, double y, double width, double height) {

        static Box of(String what, Bounds bounds) {
            return new Box(what, bounds.getX(), bounds.getY(), bounds.getWidth(), bounds.getHeight());
        }

        /** A label with a margin: a line that touches its text is as hard to read as one through it. */
        static Box label(String what, Bounds bounds) {
            return new Box(what, bounds.getX() - 3, bounds.getY() - 3, bounds.getWidth() + 6, bounds.getHeight() + 6);
        }

        boolean overlaps(Box other) {
            return x < other.x + other.width && other.x < x + width && y < other.y + other.height
                    && other.y < y + height;
        }

        /** Whether the segment from a to b passes through this box's inside (its border shrunk by a pixel). */
        boolean crossedBy(double ax, double ay, double bx, double by) {
            double left = x + 1, right = x + width - 1, top = y + 1, bottom = y + height - 1;
            if (ax == bx) {
                return ax > left && ax < right && Math.max(ay, by) > top && Math.min(ay, by) < bottom;
            }
            if (ay == by) {
                return ay > top && ay < bottom && Math.max(ax, bx) > left && Math.min(ax, bx) < right;
            }
            // A diagonal segment: sampled.
            for (int i = 1; i < 100; i++) {
                double px = ax + (bx - ax) * i / 100, py = ay + (by - ay) * i / 100;
                if (px > left && px < right && py > top && py < bottom) {
                    return true;
                }
            }
            return false;
        }
    }

    static Stream<Path> models() throws IOException {
        return Files.list(Path.of("bpmn")).filter(p -> p.toString().endsWith(".bpmn")).sorted();
    }

    @ParameterizedTest
    @MethodSource("models")
    void flowsAvoidElementsAndLabels_andLabelsFitTheirWords(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromStream(Files.newInputStream(file));
        List<String> problems = new ArrayList<>();
        Collection<BpmnShape> shapes = model.getModelElementsByType(BpmnShape.class);
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (!(edge.getBpmnElement() instanceof SequenceFlow flow)) {
                continue;
            }
            List<Waypoint> points = new ArrayList<>(edge.getWaypoints());
            for (BpmnShape shape : shapes) {
                BaseElement element = shape.getBpmnElement();
                boolean node = element instanceof Activity && !(element instanceof SubProcess && shape.isExpanded())
                        || element instanceof Event || element instanceof Gateway;
                boolean ends = element == flow.getSource() || element == flow.getTarget();
                if (node && !ends && crosses(points, Box.of(name(element), shape.getBounds()))) {
                    problems.add(file + ": the flow " + describe(flow) + " runs through " + name(element));
                }
                if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null && !ends
                        && crosses(points, Box.label(name(element), shape.getBpmnLabel().getBounds()))) {
                    problems.add(file + ": the flow " + describe(flow) + " crosses the label of " + name(element));
                }
            }
            for (BpmnEdge other : model.getModelElementsByType(BpmnEdge.class)) {
                BpmnLabel label = other.getBpmnLabel();
                if (other != edge && label != null && label.getBounds() != null
                        && crosses(points, Box.label(name(other.getBpmnElement()), label.getBounds()))) {
                    problems.add(file + ": the flow " + describe(flow) + " crosses the label of the flow "
                            + name(other.getBpmnElement()));
                }
            }
        }
        for (BpmnShape shape : shapes) {
            checkLabelWidth(file, shape.getBpmnElement(), shape.getBpmnLabel(), problems);
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            checkLabelWidth(file, edge.getBpmnElement(), edge.getBpmnLabel(), problems);
        }
        assertThat(problems).isEmpty();
    }

    /**
     * No label lies over another label, nor over a task, event or gateway other than its own (an expanded
     * subprocess holds its elements' labels and is left out).
     */
    @ParameterizedTest
    @MethodSource("models")
    void noLabelOverAnotherLabelOrElement(Path file) throws IOException {
        BpmnModelInstance model = Bpmn.readModelFromStream(Files.newInputStream(file));
        List<Box> labels = new ArrayList<>();
        List<BaseElement> owners = new ArrayList<>();
        for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
            if (shape.getBpmnLabel() != null && shape.getBpmnLabel().getBounds() != null) {
                labels.add(Box.of(name(shape.getBpmnElement()), shape.getBpmnLabel().getBounds()));
                owners.add(shape.getBpmnElement());
            }
        }
        for (BpmnEdge edge : model.getModelElementsByType(BpmnEdge.class)) {
            if (edge.getBpmnLabel() != null && edge.getBpmnLabel().getBounds() != null) {
                labels.add(Box.of("the flow " + name(edge.getBpmnElement()), edge.getBpmnLabel().getBounds()));
                owners.add(edge.getBpmnElement());
            }
        }
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            for (int j = i + 1; j < labels.size(); j++) {
                if (labels.get(i).overlaps(labels.get(j))) {
                    problems.add(file + ": the labels of " + labels.get(i).what() + " and " + labels.get(j).what()
                            + " overlap");
                }
            }
            for (BpmnShape shape : model.getModelElementsByType(BpmnShape.class)) {
                BaseElement element = shape.getBpmnElement();
                boolean container = element instanceof SubProcess && shape.isExpanded();
                if (!container && element != owners.get(i) && labels.get(i).overlaps(Box.of(name(element),
                        shape.getBounds()))) {
                    problems.add(file + ": the label of " + labels.get(i).what() + " lies over " + name(element));
                }
            }
        }
        assertThat(problems).isEmpty();
    }

    private static void checkLabelWidth(Path file, BaseElement element, BpmnLabel label, List<String> problems) {
        if (label == null || label.getBounds() == null || !(element instanceof FlowElement named)
                || named.getName() == null || element instanceof FlowNode node && isBoxWithText(node)) {
            return;
        }
        String longest = Stream.of(named.getName().split("\\s+")).max((a, b) -> a.length() - b.length()).orElse("");
        if (label.getBounds().getWidth() < longest.length() * CHARACTER_WIDTH) {
            problems.add(file + ": the label of " + name(element) + " (" + label.getBounds().getWidth()
                    + " px) is too narrow for \"" + longest + "\"");
        }
    }

    /** Tasks write their name inside the box; only the labels beside events, gateways and flows are checked. */
    private static boolean isBoxWithText(FlowNode node) {
        return node instanceof Activity;
    }

    private static boolean crosses(List<Waypoint> points, Box box) {
        for (int i = 1; i < points.size(); i++) {
            Waypoint a = points.get(i - 1), b = points.get(i);
            if (box.crossedBy(a.getX(), a.getY(), b.getX(), b.getY())) {
                return true;
            }
        }
        return false;
    }

    private static String describe(SequenceFlow flow) {
        return name(flow) + " (" + name(flow.getSource()) + " → " + name(flow.getTarget()) + ")";
    }

    private static String name(BaseElement element) {
        String name = element instanceof FlowElement flowElement ? flowElement.getName() : null;
        return "'" + (name == null ? element.getId() : name) + "'";
    }
}
