package com.onboarding.invitation;

import com.onboarding.ConcurrentChangeException;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.links.LinkNotUsableException;
import com.onboarding.registration.RegistrationForm;
import com.onboarding.registration.RegistrationService;
import com.onboarding.support.IntegrationTest;
import com.onboarding.users.UserAccountRepository;
import com.onboarding.users.UserStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.RepeatedTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.ConcurrencyFailureException;

/** Two actions on one invitation at the same moment leave exactly one consistent outcome and no duplicate mail. */
class ConcurrentActionsTest extends IntegrationTest {

    @Autowired
    InvitationCommands invitationService;
    @Autowired
    RegistrationService registration;
    @Autowired
    UserAccountRepository users;

    /** Runs both actions at once; returns what each threw (null when it succeeded). */
    List<Throwable> atOnce(Runnable first, Runnable second) throws Exception {
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Throwable>> results = new ArrayList<>();
            for (Runnable action : List.of(first, second)) {
                results.add(pool.submit(() -> {
                    start.await();
                    try {
                        action.run();
                        return null;
                    } catch (RuntimeException e) {
                        return e;
                    }
                }));
            }
            List<Throwable> outcomes = new ArrayList<>();
            for (Future<Throwable> result : results) {
                outcomes.add(result.get());
            }
            return outcomes;
        } finally {
            pool.shutdownNow();
        }
    }

    static void assertCleanFailures(List<Throwable> outcomes) {
        for (Throwable outcome : outcomes) {
            if (outcome != null) {
                assertThat(outcome).isInstanceOfAny(ConcurrentChangeException.class,
                        InvitationStateException.class, ConcurrencyFailureException.class,
                        LinkNotUsableException.class);
            }
        }
    }

    long invitedAndMailed(String email) {
        InvitationRequest base = validRequest();
        long id = invitationService.invite(new InvitationRequest(email, base.firstName(), base.lastName(),
                base.language(), null, base.roleCode(), null, base.clientIds(), "demo")).invitationId();
        executeJob(processOf(id).getId(), "Activity_SendInvitationMail");
        return id;
    }

    @RepeatedTest(5)
    void resendAndCancelAtOnce() throws Exception {
        String email = uniqueEmail();
        long id = invitedAndMailed(email);
        String instanceId = invitation(id).getProcessInstanceId();

        List<Throwable> outcomes = atOnce(() -> invitationService.requestResend(id, "demo"),
                () -> invitationService.requestCancel(id, "demo"));

        assertCleanFailures(outcomes);
        long mailJobs = managementService.createJobQuery().processInstanceId(instanceId).activityId("Activity_SendInvitationMail").count();
        boolean ended = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count() == 0;
        InvitationStatus status = invitation(id).getStatus();
        if (status == InvitationStatus.CANCELLED) {
            assertThat(ended).isTrue();
            assertThat(mailJobs).isZero();
            assertThat(outcomes.get(1)).as("cancel succeeded").isNull();
        } else {
            assertThat(status).isEqualTo(InvitationStatus.PENDING);
            assertThat(outcomes.get(0)).as("resend succeeded").isNull();
            assertThat(outcomes.get(1)).as("cancel lost").isNotNull();
            assertThat(mailJobs).isEqualTo(1);
            assertThat(invitation(id).getResendCount()).isEqualTo(1);
        }
        assertThat(mailsTo(email)).hasSize(1);
    }

    @RepeatedTest(5)
    void cancelWhileTheInviteeRegisters() throws Exception {
        String email = uniqueEmail();
        long id = invitedAndMailed(email);
        RegistrationForm form = registrationForm(latestToken(email), "Sunny-Day-42");

        List<Throwable> outcomes = atOnce(() -> registration.register(form),
                () -> invitationService.requestCancel(id, "demo"));

        assertCleanFailures(outcomes);
        assertThat(outcomes).as("exactly one action wins").containsOnlyOnce((Throwable) null);
        UserStatus userStatus = users.findByEmailNormalized(email).orElseThrow().getStatus();
        InvitationStatus status = invitation(id).getStatus();
        if (outcomes.get(0) == null) {
            assertThat(userStatus).isEqualTo(UserStatus.ACTIVE);
            assertThat(status).isEqualTo(InvitationStatus.ACCEPTED);
        } else {
            assertThat(userStatus).isEqualTo(UserStatus.INVITED);
            assertThat(status).isEqualTo(InvitationStatus.CANCELLED);
            assertThat(users.findByEmailNormalized(email).orElseThrow().getPasswordHash()).isNull();
        }
    }
}
