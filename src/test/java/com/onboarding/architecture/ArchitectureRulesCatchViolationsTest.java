package com.onboarding.architecture;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onboarding.architecture.fixtures.cycle.one.First;
import com.onboarding.architecture.fixtures.cycle.two.Second;
import com.onboarding.architecture.fixtures.feature.ReachesTheEngine;
import com.onboarding.architecture.fixtures.feature.process.StepReachingTheEngine;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/**
 * The rules of {@link ArchitectureTest} catch what they are written for: each fails on a deliberate violation (the
 * classes under fixtures/, which ArchitectureTest itself does not read, as they are test classes) and lets the
 * allowed form pass.
 */
class ArchitectureRulesCatchViolationsTest {

    private final ClassFileImporter importer = new ClassFileImporter();

    @Test
    void aFeatureClassCallingTheEngineItselfFails() {
        assertThatThrownBy(() -> ArchitectureTest.engineBehindItsPorts.check(
                importer.importClasses(ReachesTheEngine.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(ReachesTheEngine.class.getName())
                .hasMessageContaining("RuntimeService");
    }

    /** (With a class of no engine at all beside it: a rule that finds nothing to check fails too.) */
    @Test
    void theSameCallFromTheFeaturesProcessPackagePasses() {
        assertThatCode(() -> ArchitectureTest.engineBehindItsPorts.check(
                importer.importClasses(StepReachingTheEngine.class, First.class))).doesNotThrowAnyException();
    }

    @Test
    void twoPackagesImportingEachOtherFail() {
        assertThatThrownBy(() -> ArchitectureTest.noPackageCycles.check(
                importer.importClasses(First.class, Second.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Cycle detected");
    }
}
