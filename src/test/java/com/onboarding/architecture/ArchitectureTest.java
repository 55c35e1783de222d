package com.onboarding.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import org.springframework.stereotype.Controller;

/** The architecture docs/architecture.md describes, checked: imports point one way, controllers stand alone. */
@AnalyzeClasses(packages = "com.onboarding", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    /** Every package on its own: no two packages import each other, directly or through others. */
    @ArchTest
    static final ArchRule noPackageCycles = slices().matching("com.onboarding.(**)").should().beFreeOfCycles();

    /** The root package holds shared basics (settings, the refusal types) and knows no feature. */
    @ArchTest
    static final ArchRule rootKnowsNoFeature = noClasses().that().resideInAPackage("com.onboarding")
            .should().dependOnClassesThat().resideInAPackage("com.onboarding.(*)..");

    /** Controllers translate HTTP to a service call: none is built on another controller. */
    @ArchTest
    static final ArchRule noControllerInjectsAController = ArchRuleDefinition.classes()
            .that().areMetaAnnotatedWith(Controller.class)
            .should(new ArchCondition<JavaClass>("not take another controller in its constructor") {
                @Override
                public void check(JavaClass controller, ConditionEvents events) {
                    for (JavaConstructor constructor : controller.getConstructors()) {
                        for (JavaClass parameter : constructor.getRawParameterTypes()) {
                            if (parameter.isMetaAnnotatedWith(Controller.class)) {
                                events.add(SimpleConditionEvent.violated(controller, controller.getName()
                                        + " takes the controller " + parameter.getName()));
                            }
                        }
                    }
                }
            });

    /** Process steps stay thin: the delegates call services, never repositories. */
    @ArchTest
    static final ArchRule delegatesCallServices = noClasses()
            .that().implement(org.camunda.bpm.engine.delegate.JavaDelegate.class)
            .should().dependOnClassesThat().areAssignableTo(org.springframework.data.repository.Repository.class);
}
