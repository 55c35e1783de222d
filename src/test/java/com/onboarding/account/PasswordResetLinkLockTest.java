package com.onboarding.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.onboarding.invitation.InvitationCommands;
import com.onboarding.links.LinkNotUsableException;
import com.onboarding.registration.RegistrationService;
import com.onboarding.support.IntegrationTest;
import com.onboarding.users.UserAccount;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A password reset link is used once, also when two submissions of it arrive together: the first holds the link until
 * its transaction ends (links.StoredLinkRepository's locked lookup), and the second, which waited, then finds it used.
 */
class PasswordResetLinkLockTest extends IntegrationTest {

    private static final Pattern RESET_TOKEN = Pattern.compile("/password-reset\\?token=([A-Za-z0-9_-]{43})");

    @Autowired
    InvitationCommands commands;
    @Autowired
    RegistrationService registration;
    @Autowired
    PasswordResets resets;
    @Autowired
    PasswordResetLinks links;
    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void aSecondSubmissionWaitsForTheFirst_andThenFindsTheLinkUsed() throws Exception {
        var request = validRequest();
        long invitationId = commands.invite(request).invitationId();
        executeJob(invitation(invitationId).getProcessInstanceId(), "Activity_SendInvitationMail");
        registration.register(registrationForm(latestToken(request.email()), "Tulip-Field-7!"));
        UserAccount user = invitation(invitationId).getUser();
        resets.issue(user, "demo");
        String token = latestToken(request.email(), RESET_TOKEN);

        ExecutorService threads = Executors.newFixedThreadPool(2);
        try {
            CountDownLatch held = new CountDownLatch(1);
            CountDownLatch release = new CountDownLatch(1);
            Future<?> first = threads.submit(() -> new TransactionTemplate(transactions).executeWithoutResult(status -> {
                PasswordReset reset = links.open(token, true);
                held.countDown();
                try {
                    release.await(10, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                links.used(reset);
            }));
            assertThat(held.await(10, TimeUnit.SECONDS)).isTrue();
            Future<?> second = threads.submit(() -> resets.reset(token, "Meadow-Lark-9!", "Meadow-Lark-9!"));
            // H2 gives up on a lock after a second; this is well inside it.
            Thread.sleep(300);
            assertThat(second.isDone()).as("the second submission waits while the first holds the link").isFalse();
            release.countDown();
            first.get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> second.get(10, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                    .hasCauseInstanceOf(LinkNotUsableException.class);
        } finally {
            threads.shutdownNow();
        }
    }
}
