package com.onboarding.mail;

import jakarta.annotation.PreDestroy;
import jakarta.mail.MessagingException;
import jakarta.mail.Transport;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.concurrent.BlockingDeque;
import java.util.concurrent.LinkedBlockingDeque;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * SMTP connections kept open between mails. Spring's sender opens a connection per mail: a TCP and SMTP handshake
 * (and TLS where configured) for every invitation. Here a sending thread takes an idle connection, or opens one,
 * and puts it back afterwards; at most {@link #MAX_IDLE} wait. A connection idle longer than {@link #IDLE_LIMIT} is
 * closed rather than used, as servers drop quiet clients. A mail that fails on a reused connection (the server may
 * have gone away meanwhile) closes every idle connection and is tried once more on a new one; a mail that fails on
 * a new connection fails, and the process step that sent it is retried by the engine.
 */
@Component
class SmtpConnections {

    static final int MAX_IDLE = 8;
    static final Duration IDLE_LIMIT = Duration.ofSeconds(10);

    private record Idle(Transport transport, long since) {
    }

    private final JavaMailSenderImpl settings;
    private final Clock clock;
    private final BlockingDeque<Idle> idle = new LinkedBlockingDeque<>();

    SmtpConnections(JavaMailSenderImpl settings, Clock clock) {
        this.settings = settings;
        this.clock = clock;
    }

    MimeMessage newMessage() {
        return settings.createMimeMessage();
    }

    /**
     * A message that keeps the given Message-ID when sent (JavaMail would write a new one): the same mail sent again
     * after a crash is an identical copy, which mail clients fold into one.
     */
    MimeMessage newMessage(String messageId) {
        return new MimeMessage(settings.getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId);
            }
        };
    }

    void send(MimeMessage message) {
        try {
            message.setSentDate(Date.from(clock.instant()));
            message.saveChanges();
        } catch (MessagingException e) {
            throw new MailSendException("The mail could not be prepared", e);
        }
        Transport reused = takeIdle();
        if (reused != null) {
            try {
                sendOver(reused, message);
                return;
            } catch (MessagingException e) {
                closeAllIdle();
            }
        }
        try {
            sendOver(connect(), message);
        } catch (MessagingException e) {
            throw new MailSendException("The SMTP server did not take the mail", e);
        }
    }

    private void sendOver(Transport transport, MimeMessage message) throws MessagingException {
        try {
            transport.sendMessage(message, message.getAllRecipients());
        } catch (MessagingException | RuntimeException e) {
            close(transport);
            throw e;
        }
        if (!idle.offerFirst(new Idle(transport, System.nanoTime())) || idle.size() > MAX_IDLE) {
            Idle oldest = idle.pollLast();
            if (oldest != null) {
                close(oldest.transport());
            }
        }
    }

    /** The most recently used idle connection that is young enough; older ones are closed on the way. */
    private Transport takeIdle() {
        for (Idle candidate = idle.pollFirst(); candidate != null; candidate = idle.pollFirst()) {
            if (System.nanoTime() - candidate.since() < IDLE_LIMIT.toNanos()) {
                return candidate.transport();
            }
            close(candidate.transport());
        }
        return null;
    }

    private Transport connect() throws MessagingException {
        Transport transport = settings.getSession().getTransport(
                settings.getProtocol() == null ? "smtp" : settings.getProtocol());
        // As Spring's sender does: an empty user name means no authentication.
        boolean anonymous = settings.getUsername() == null || settings.getUsername().isEmpty();
        transport.connect(settings.getHost(), settings.getPort(), anonymous ? null : settings.getUsername(),
                anonymous ? null : settings.getPassword());
        return transport;
    }

    @PreDestroy
    void closeAllIdle() {
        for (Idle connection = idle.pollFirst(); connection != null; connection = idle.pollFirst()) {
            close(connection.transport());
        }
    }

    private static void close(Transport transport) {
        try {
            transport.close();
        } catch (MessagingException e) {
            // already broken: nothing to close
        }
    }
}
