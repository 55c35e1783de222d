package com.onboarding.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.invitation.InvitationProcess;
import com.onboarding.support.IntegrationTest;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RepositoryService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A measurement, not part of the suite (its name does not end in Test): what a process owner sees when they open the
 * invitation process in Cockpit on a screen 1280 px wide, 1600, 1024 and 800 px high. Cockpit fits the diagram into
 * its canvas; printed are the canvas, the diagram, the zoom and the size the labels are drawn in (bpmn-js draws
 * names in 12 px at 100 %; about {@value #READABLE_PX} px reads comfortably). Run:
 * {@code mvn test -Dtest=CockpitDiagramMeasure -Dsurefire.failIfNoSpecifiedTests=false}; screenshot in
 * target/screenshots/cockpit-user-invitation-1280.png.
 */
class CockpitDiagramMeasure extends IntegrationTest {

    /** Below about 9 px a person leans towards the screen. */
    static final double READABLE_PX = 9.0;

    @LocalServerPort
    int port;
    @Autowired
    RepositoryService repository;

    @Test
    void theInvitationProcessInCockpitAt1280() {
        String definition = repository.createProcessDefinitionQuery().processDefinitionKey(InvitationProcess.KEY)
                .latestVersion().singleResult().getId();
        try (Browser browser = Browser.open(port)) {
            browser.driver().manage().window().setSize(new Dimension(1280, 800));
            browser.go("/dashboard");
            browser.signIn("demo", "Onboard-Me-1");
            browser.visible(By.tagName("h1"));
            for (int height : new int[] {1600, 1024, 800}) {
                browser.driver().manage().window().setSize(new Dimension(1280, height));
                browser.go("/camunda/app/cockpit/default/#/process-definition/" + definition + "/runtime");
                browser.driver().navigate().refresh();
                browser.visible(By.cssSelector(".djs-container .djs-label"));
                Map<String, Object> view = settled(browser);
                browser.screenshot("cockpit-user-invitation-1280x" + height);
                double zoom = ((Number) view.get("zoom")).doubleValue();
                double label = ((Number) view.get("labelPx")).doubleValue();
                System.out.printf("Cockpit at 1280 x %d: canvas %s x %s px, diagram %s x %s, zoom %.0f %%, labels %.1f px"
                        + " (%s)%n", height, view.get("canvasWidth"), view.get("canvasHeight"), view.get("diagramWidth"),
                        view.get("diagramHeight"), zoom * 100, label,
                        label >= READABLE_PX ? "readable" : "below " + READABLE_PX + " px");
                assertThat((Boolean) view.get("fits")).as("the whole diagram is in the canvas").isTrue();
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> settled(Browser browser) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        String measure = """
                const container = document.querySelector('.djs-container');
                const viewport = container.querySelector('svg g.viewport');
                const zoom = viewport.transform.baseVal.consolidate().matrix.a;
                const box = viewport.getBBox();
                const canvas = container.getBoundingClientRect();
                const drawn = viewport.getBoundingClientRect();
                const label = [...container.querySelectorAll('.djs-label tspan')]
                    .map(t => t.getBoundingClientRect().height).filter(h => h > 0).sort((a, b) => a - b);
                return {zoom: zoom, labelPx: 12 * zoom, canvasWidth: Math.round(canvas.width),
                    canvasHeight: Math.round(canvas.height), diagramWidth: Math.round(box.width),
                    diagramHeight: Math.round(box.height),
                    fits: drawn.left >= canvas.left - 1 && drawn.right <= canvas.right + 1
                        && drawn.top >= canvas.top - 1 && drawn.bottom <= canvas.bottom + 1,
                    smallestLabelBox: label.length ? label[0] : 0};
                """;
        Map<String, Object> last = null;
        for (int round = 0; round < 20; round++) {
            Map<String, Object> now = (Map<String, Object>) js.executeScript(measure);
            Map<String, Object> before = last;
            if (before != null && List.of("zoom", "canvasWidth", "canvasHeight").stream()
                    .allMatch(key -> String.valueOf(now.get(key)).equals(String.valueOf(before.get(key))))) {
                return now;
            }
            last = now;
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        return last;
    }
}
