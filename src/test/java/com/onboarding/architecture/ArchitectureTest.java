package com.onboarding.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaConstructor;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.springframework.stereotype.Controller;

/** The architecture docs/architecture.md describes, checked: imports point one way, controllers stand alone. */
@AnalyzeClasses(packages = "com.onboarding", importOptions = ArchitectureTest.MainClassesOnly.class)
class ArchitectureTest {

    /**
     * The application's classes, not the tests': ArchUnit's own option knows only target/test-classes, and the
     * Operaton build compiles its tests to target/operaton/test-classes.
     */
    static final class MainClassesOnly implements ImportOption {
        @Override
        public boolean includes(Location location) {
            return !location.contains("/test-classes/");
        }
    }

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

    /**
     * Camunda's API stays behind each feature's door to the engine: the engine's set-up ({@code engine}), the process
     * steps ({@code *.process}) and the classes named here, each a feature's port to its processes or one of the
     * engine's extension points. A new class that needs the engine goes behind one of them; the list only shrinks
     * (docs/architecture.md).
     */
    static final List<String> ENGINE_PORTS = List.of(
            // a feature's commands and steps: they start and correlate its processes and read their state
            "invitation.InvitationProcesses", "invitation.InvitationSteps", "invitation.InstanceInvitations", "invitation.InvitationDeletion",
            "invitation.InvitationProgress", "approval.Approvals", "approval.ApprovalDecisions", "approval.FourEyes",
            "webhooks.WebhookQueue", "webhooks.WebhookEndpoints", "tasklist.InviteUserChoices",
            "tasklist.LoadInvitationChoicesDelegate", "tasklist.StartInvitationDelegate", "versions.ProcessVersions",
            // a process's names and typed variables, declared once
            "invitation.InvitationProcess", "approval.ApprovalProcess", "privileges.PrivilegeChangeProcess",
            "tasklist.InviteUserProcess",
            // mails whose texts come from a process (the approval summary as Spin JSON)
            "invitation.InvitationMails",
            // Camunda's identity, password and authorization extension points
            "authority.Argon2PasswordEncryptor", "authority.AuditedIdentityProvider", "authority.AuthorityEnginePlugin",
            "authority.CamundaGrants", "authority.CamundaPasswordPolicy", "authority.RetryFailedJobsOnly",
            "scopes.AdminScopes", "security.SecurityConfig", "security.SignInAudit",
            "security.SignInProviders",
            // languages stored in Camunda user info and task names in Tasklist
            "language.AdminLanguages", "language.EveryLanguage", "language.LanguageResolver",
            "language.TaskNames",
            // what the admin screens read of the engine: open tasks, incidents, refusals
            "admin.AdminPageAdvice", "admin.ApiErrors", "admin.dashboard.OnboardingDashboard",
            "funnel.FunnelMetrics", "web.Refusal"
    );

    @ArchTest
    static final ArchRule engineBehindItsPorts = noClasses()
            .that().resideOutsideOfPackages("com.onboarding.engine..", "..process..")
            .and().haveNameNotMatching(ENGINE_PORTS.stream().map(name -> Pattern.quote("com.onboarding." + name))
                    .collect(Collectors.joining("|", "(", ")(\\$.*)?")))
            .should().dependOnClassesThat().resideInAPackage("org.camunda..")
            .because("the engine is reached through each feature's port (ArchitectureTest.ENGINE_PORTS)");
}
