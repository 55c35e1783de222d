package com.onboarding.invitation;

import static org.assertj.core.api.Assertions.assertThat;

import com.onboarding.support.Http;
import com.onboarding.support.IntegrationTest;
import jakarta.mail.internet.MimeMessage;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Issue 22, mail with an effect exactly once: a mail step that sent its mail and died before its transaction
 * committed (kill -9, a lost database connection) is run again by the engine; it mails the same link as the same mail
 * (same Message-ID, which mail clients fold), so the mail the invitee already holds works. The reliability suite
 * proves it under kill -9; here the crash is a rollback after the send.
 */
class SameLinkAfterCrashTest extends IntegrationTest {

    private static final Pattern TOKEN = Pattern.compile("/register\\?token=([A-Za-z0-9_-]{43})");

    @Autowired
    InvitationCommands commands;
    @Autowired
    InvitationSteps steps;
    @Autowired
    PlatformTransactionManager transactions;
    @LocalServerPort
    int port;

    @Test
    void aMailStepRunAgainAfterItsTransactionDied_mailsTheSameLinkAsTheSameMail() throws Exception {
        var request = validRequest();
        long invitationId = commands.invite(request).invitationId();
        String instance = processOf(invitationId).getId();

        crashAfterTheMail(() -> steps.sendInvitationLink(invitationId, instance));
        assertThat(invitation(invitationId).getTokenHash()).as("nothing of the dead transaction stayed").isNull();
        executeJob(instance, "Activity_SendInvitationMail");

        List<MimeMessage> mails = mailsTo(request.email());
        assertThat(mails).hasSize(2);
        assertThat(token(mails.get(1))).isEqualTo(token(mails.get(0)));
        assertThat(mails.get(1).getMessageID()).isEqualTo(mails.get(0).getMessageID()).startsWith("<link-")
                .endsWith("@onboarding.test>");
        String first = token(mails.get(0));
        assertThat(Http.anonymous(port).get("/register?token=" + first).status()).as("the first mail's link works")
                .isEqualTo(200);

        // A reminder likewise: its own link (the first one dies), the same after a crash.
        crashAfterTheMail(() -> steps.sendReminder(invitationId, instance));
        steps.sendReminder(invitationId, instance);
        mails = mailsTo(request.email());
        assertThat(mails).hasSize(4);
        String reminder = token(mails.get(2));
        assertThat(token(mails.get(3))).isEqualTo(reminder).isNotEqualTo(first);
        assertThat(mails.get(3).getMessageID()).isEqualTo(mails.get(2).getMessageID())
                .isNotEqualTo(mails.get(0).getMessageID());
        assertThat(Http.anonymous(port).get("/register?token=" + reminder).status()).isEqualTo(200);
        assertThat(Http.anonymous(port).get("/register?token=" + first).status()).as("replaced by the reminder's")
                .isEqualTo(404);
    }

    /** Runs a step in a transaction that rolls back after the step returned (its mail went out). */
    private void crashAfterTheMail(Runnable step) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> {
            step.run();
            status.setRollbackOnly();
        });
    }

    private static String token(MimeMessage mail) {
        Matcher token = TOKEN.matcher(textPart(mail));
        assertThat(token.find()).as("a link in the mail").isTrue();
        return token.group(1);
    }
}
